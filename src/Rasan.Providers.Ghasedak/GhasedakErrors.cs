using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Rasan.Providers.Ghasedak;

/// <summary>
/// The one table of how a failed gateway call is classed (providers/ghasedak.md §3), by its <c>statusCode</c> (which
/// mirrors the HTTP status), and the codes Rasan uses for failures Ghasedak gave no code for.
/// </summary>
/// <remarks>
/// Permanent: 400 and 422 (invalid request), 401 and 403 (credentials), 402 or a text about credit (insufficient
/// credit), 404 (unknown method, template or id), any other code below 500. Transient: 408, 429 (with its
/// Retry-After) and 5xx; timeouts, an unreachable server and answers that are not gateway envelopes. Ghasedak's code
/// and (Persian) text are kept as they came.
/// </remarks>
internal static partial class GhasedakErrors
{
    /// <summary>A call that ran out of <see cref="GhasedakOptions.Timeout"/>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The server could not be reached, or the connection broke.</summary>
    public const string Network = "network";

    /// <summary>The answer was not a gateway envelope, or a success without its data.</summary>
    public const string InvalidResponse = "invalid-response";

    /// <summary>A successful answer had no result for a message.</summary>
    public const string MissingResult = "missing-result";

    /// <summary>The account has no usable API key.</summary>
    public const string MissingApiKey = "missing-api-key";

    /// <summary>Neither the message nor the account names a line number, which the gateway requires.</summary>
    public const string MissingLineNumber = "missing-line-number";

    /// <summary>The recipient is not an Iranian mobile number, the only kind the gateway sends to.</summary>
    public const string InvalidReceptor = "invalid-receptor";

    /// <summary>The message has no text.</summary>
    public const string EmptyMessage = "empty-message";

    private static readonly FrozenDictionary<int, Rule> Rules = new Dictionary<int, Rule>
    {
        [400] = new(Transient: false, "The request is not valid."),
        [401] = new(Transient: false, "The API key is missing or not valid."),
        [402] = new(Transient: false, "The account's credit is not enough."),
        [403] = new(Transient: false, "The API key may not do this."),
        [404] = new(Transient: false, "Not found: unknown method, template or id."),
        [408] = new(Transient: true, "The gateway timed out reading the request."),
        [422] = new(Transient: false, "The request could not be processed."),
        [429] = new(Transient: true, "Too many requests; retry later."),
    }.ToFrozenDictionary();


    /// <summary>The outcome of a message whose call the gateway refused.</summary>
    /// <param name="statusCode">The envelope's <c>statusCode</c> (or the HTTP status when the body had none).</param>
    /// <param name="message">Ghasedak's text, kept as it came; the table's meaning when there was none.</param>
    /// <param name="retryAfter">The wait the server asked for.</param>
    /// <returns>A transient or permanent outcome with the code.</returns>
    public static SendOutcome Refused(int statusCode, string? message, TimeSpan? retryAfter)
    {
        var code = statusCode.ToString(CultureInfo.InvariantCulture);
        var text = string.IsNullOrWhiteSpace(message) ? Describe(statusCode) : message;
        return IsTransient(statusCode, message)
            ? SendOutcome.Transient(code, text, retryAfter)
            : SendOutcome.Permanent(code, text);
    }

    /// <summary>Tells whether a refusal is worth retrying.</summary>
    /// <param name="statusCode">The code.</param>
    /// <param name="message">The text: one about credit is never transient.</param>
    /// <returns><see langword="true"/> for a transient refusal.</returns>
    public static bool IsTransient(int statusCode, string? message)
        => !IsAboutCredit(message) && (Rules.TryGetValue(statusCode, out var rule) ? rule.Transient : statusCode >= 500);

    /// <summary>Tells whether a text says the account's credit ran out.</summary>
    /// <param name="message">The text.</param>
    /// <returns><see langword="true"/> when it is about credit or balance.</returns>
    public static bool IsAboutCredit(string? message) => message is not null && CreditText().IsMatch(message);

    /// <summary>The outcome of a call that ran out of the client's timeout.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>A transient outcome.</returns>
    public static SendOutcome TimedOut(TimeSpan timeout)
        => SendOutcome.Transient(Timeout, string.Create(CultureInfo.InvariantCulture, $"Ghasedak did not answer within {timeout.TotalSeconds} s."));

    /// <summary>The outcome of a call that got no answer at all.</summary>
    /// <param name="error">The kind of transport error (never the exception's message).</param>
    /// <returns>A transient outcome.</returns>
    public static SendOutcome Unreachable(HttpRequestError error)
        => SendOutcome.Transient(Network, $"Ghasedak could not be reached ({error}).");

    /// <summary>The outcome of an answer that is not a gateway envelope.</summary>
    /// <param name="httpStatus">Its HTTP status.</param>
    /// <param name="retryAfter">The wait the server asked for.</param>
    /// <returns>A transient outcome: the HTTP status as the code when it is not 2xx, else <see cref="InvalidResponse"/>.</returns>
    public static SendOutcome Unreadable(int httpStatus, TimeSpan? retryAfter)
        => httpStatus is >= 200 and < 300
            ? SendOutcome.Transient(InvalidResponse, string.Create(CultureInfo.InvariantCulture, $"Ghasedak answered HTTP {httpStatus} with a body that is not a gateway answer."), retryAfter)
            : SendOutcome.Transient(httpStatus.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"Ghasedak answered HTTP {httpStatus} without a gateway answer."), retryAfter);

    /// <summary>The exception a query (status, account) throws for a failure; it never carries the key.</summary>
    /// <param name="failure">The failure.</param>
    /// <param name="apiMethod">The gateway method, such as <c>CheckSmsStatus</c>.</param>
    /// <returns>An exception whose status code is Ghasedak's when it was a number.</returns>
    public static HttpRequestException ToException(SendOutcome failure, string apiMethod)
    {
        ArgumentNullException.ThrowIfNull(failure);
        HttpStatusCode? status = int.TryParse(failure.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (HttpStatusCode)number : null;
        var kind = failure.Kind == SendOutcomeKind.Transient ? "transient" : "permanent";
        return new HttpRequestException($"Ghasedak {apiMethod} failed ({kind}): {failure.Code} {failure.Text}", inner: null, statusCode: status);
    }

    /// <summary>The table's English meaning of a code.</summary>
    /// <param name="statusCode">The code.</param>
    /// <returns>The meaning, or a generic text.</returns>
    public static string Describe(int statusCode)
        => Rules.TryGetValue(statusCode, out var rule)
            ? rule.Meaning
            : statusCode >= 500
                ? string.Create(CultureInfo.InvariantCulture, $"Ghasedak had a server error ({statusCode}).")
                : string.Create(CultureInfo.InvariantCulture, $"Ghasedak refused the request ({statusCode}).");

    // "Credit (of the account) is not enough", "insufficient credit", "lack of credit", "balance": whatever the code.
    [GeneratedRegex(@"اعتبار[\s\S]{0,20}(کافی|ناکافی)|کمبود\s*اعتبار|موجودی|credit|balance", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditText();

    private readonly record struct Rule(bool Transient, string Meaning);
}

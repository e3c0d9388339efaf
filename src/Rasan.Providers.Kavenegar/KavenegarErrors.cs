using System.Collections.Frozen;
using System.Globalization;
using System.Net;

namespace Rasan.Providers.Kavenegar;

/// <summary>
/// The one table of Kavenegar's <c>return.status</c> codes and how a failure of each is classed; and the codes Rasan
/// uses for failures that have no Kavenegar code (timeouts, unreachable server, unreadable answer).
/// </summary>
/// <remarks>
/// Transient: 402 (operation failed: retry a few times), 409 (server busy), 451 (too many calls from this IP) and any
/// 5xx but 501. Permanent: the rest of the documented codes (bad parameters, credentials, sender line, credit,
/// receptor, text, tag), and any unknown code below 500. The provider's own text is kept with the code.
/// </remarks>
internal static class KavenegarErrors
{
    /// <summary>A call that ran out of <see cref="KavenegarOptions.Timeout"/>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The server could not be reached, or the connection broke.</summary>
    public const string Network = "network";

    /// <summary>The server answered 2xx with a body that is not a Kavenegar answer.</summary>
    public const string InvalidResponse = "invalid-response";

    /// <summary>The answer said 200 but had no entry for a message.</summary>
    public const string MissingEntry = "missing-entry";

    /// <summary>The account has no API key.</summary>
    public const string MissingApiKey = "missing-api-key";

    private static readonly FrozenDictionary<int, Entry> Table = new Dictionary<int, Entry>
    {
        [400] = new(false, "Parameters are incomplete."),
        [401] = new(false, "The account is disabled."),
        [402] = new(true, "The operation failed."),
        [403] = new(false, "The API key is not valid."),
        [404] = new(false, "Unknown method."),
        [405] = new(false, "Wrong HTTP method."),
        [406] = new(false, "A mandatory parameter was sent empty."),
        [407] = new(false, "No access to this data (IP white-list)."),
        [409] = new(true, "The server cannot answer now; try later."),
        [411] = new(false, "The receptor is not valid."),
        [412] = new(false, "The sender line is not valid."),
        [413] = new(false, "The message is empty or too long."),
        [414] = new(false, "The request is too large."),
        [415] = new(false, "The start index is greater than the number count."),
        [416] = new(false, "The caller's IP does not match the account settings."),
        [417] = new(false, "The send date is not valid."),
        [418] = new(false, "The account's credit is not enough."),
        [419] = new(false, "The sendarray arrays are not the same length."),
        [420] = new(false, "Links are not allowed in the text for this account."),
        [422] = new(false, "The data has characters that cannot be processed."),
        [424] = new(false, "The template was not found."),
        [426] = new(false, "The method needs the advanced service."),
        [427] = new(false, "The line needs an access level."),
        [428] = new(false, "The code cannot be sent by voice call."),
        [429] = new(false, "The caller's IP is restricted."),
        [431] = new(false, "The code structure is not valid."),
        [432] = new(false, "The code parameter was not found in the text."),
        [451] = new(true, "Too many calls from this IP in the time window."),
        [501] = new(false, "A test account may only send to the account owner's number."),
        [607] = new(false, "The tag name is not valid."),
    }.ToFrozenDictionary();

    /// <summary>Tells whether a failed <c>return.status</c> is worth retrying.</summary>
    /// <param name="status">The code.</param>
    /// <returns><see langword="true"/> for a transient failure.</returns>
    public static bool IsTransient(int status)
        => Table.TryGetValue(status, out var entry) ? entry.Transient : status >= 500;

    /// <summary>The outcome of a message whose call failed with a <c>return.status</c>.</summary>
    /// <param name="status">The code, not 200.</param>
    /// <param name="text">Kavenegar's (Persian) text, kept as it came; the table's English meaning when it sent none.</param>
    /// <param name="retryAfter">The wait the server asked for.</param>
    /// <returns>A transient or permanent outcome with the code.</returns>
    public static SendOutcome ToOutcome(int status, string? text, TimeSpan? retryAfter)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        text = string.IsNullOrWhiteSpace(text) ? Describe(status) : text;
        return IsTransient(status) ? SendOutcome.Transient(code, text, retryAfter) : SendOutcome.Permanent(code, text);
    }

    /// <summary>The outcome of a call whose answer could not be read as a Kavenegar answer.</summary>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="retryAfter">The wait the server asked for.</param>
    /// <returns>A transient outcome: the HTTP status as the code for a non-2xx answer, else <see cref="InvalidResponse"/>.</returns>
    public static SendOutcome ForUnreadableAnswer(HttpStatusCode httpStatus, TimeSpan? retryAfter)
    {
        var number = (int)httpStatus;
        return number is >= 200 and <= 299
            ? SendOutcome.Transient(InvalidResponse, string.Create(CultureInfo.InvariantCulture, $"Kavenegar answered HTTP {number} with a body that is not a Kavenegar answer."), retryAfter)
            : SendOutcome.Transient(number.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"Kavenegar answered HTTP {number} without a readable Kavenegar answer."), retryAfter);
    }

    /// <summary>The table's English meaning of a code.</summary>
    /// <param name="status">The code.</param>
    /// <returns>The meaning, or a generic text for an unknown code.</returns>
    public static string Describe(int status)
        => Table.TryGetValue(status, out var entry)
            ? entry.Meaning
            : string.Create(CultureInfo.InvariantCulture, $"Kavenegar answered status {status}.");

    private readonly record struct Entry(bool Transient, string Meaning);
}

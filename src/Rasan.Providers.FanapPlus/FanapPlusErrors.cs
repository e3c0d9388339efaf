using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using Rasan.Providers.FanapPlus.Json;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// The one table of how FanapPlus answers are classed (providers/fanapplus.md §5, §7, §8), and the codes Rasan uses for
/// failures FanapPlus gave no code for.
/// </summary>
/// <remarks>
/// Permanent: 400 (the body does not follow the contract, a signature FanapPlus did not accept), 403 (a permission the
/// account lacks, such as AppId or sending by phone number, or a refused signature: the guide does not say which status
/// a bad signature gets, so both are treated alike), any other status below 500 but 408 and 429, and a message whose
/// synchronous <c>Details</c> say <c>NotSupported</c>. Any other <c>Details</c> status is a delivery state
/// (<see cref="FanapPlusOptions.DeliveryStatuses"/>) of an accepted message. Transient: 408, 429 (with its Retry-After), 5xx,
/// timeouts, an unreachable server and answers that are not FanapPlus answers; the retry of the same messages carries
/// the same <c>Uid</c>. The status is kept as the code and FanapPlus's plain-text reason as the text.
/// </remarks>
internal static class FanapPlusErrors
{
    /// <summary>A call that ran out of <see cref="FanapPlusOptions.Timeout"/>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The server could not be reached, or the connection broke.</summary>
    public const string Network = "network";

    /// <summary>A 2xx answer that is not a FanapPlus answer (no <c>Puid</c>, not JSON).</summary>
    public const string InvalidResponse = "invalid-response";

    /// <summary>A 200 answer without a <c>Muid</c> for the message.</summary>
    public const string MissingMuid = "missing-muid";

    /// <summary>The account's settings are not usable (sid, channel type, …).</summary>
    public const string InvalidAccount = "invalid-account";

    /// <summary>The account's private key cannot sign.</summary>
    public const string InvalidPrivateKey = "invalid-private-key";

    /// <summary>The recipient is not an Iranian mobile number (sending by phone) or is empty.</summary>
    public const string InvalidRecipient = "invalid-recipient";

    /// <summary>The message has no text.</summary>
    public const string EmptyMessage = "empty-message";

    /// <summary>The message's provider options do not hold for its account (such as <c>replyTo</c> missing on Mtn).</summary>
    public const string InvalidOptions = "invalid-options";

    private const int MaxReasonLength = 500;

    private static readonly FrozenDictionary<int, Rule> Statuses = new Dictionary<int, Rule>
    {
        [400] = new(Transient: false, "FanapPlus refused the request: it does not follow the v6 contract, or a signature did not verify."),
        [401] = new(Transient: false, "FanapPlus did not authorise the request."),
        [403] = new(Transient: false, "FanapPlus forbade the request: the account lacks a permission (AppId, sending by phone number) or its signature was refused."),
        [404] = new(Transient: false, "FanapPlus does not know the address: check BaseAddress."),
        [408] = new(Transient: true, "FanapPlus timed out reading the request."),
        [413] = new(Transient: false, "The request is too large for FanapPlus: lower MaxBatchSize or GzipThreshold."),
        [415] = new(Transient: false, "FanapPlus did not take the body's content type: set GzipThreshold to null to send plain JSON."),
        [429] = new(Transient: true, "Too many requests; FanapPlus asked to retry later."),
    }.ToFrozenDictionary();

    /// <summary>The outcome of a message whose call FanapPlus refused.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="reason">FanapPlus's reason (the response body as text), kept when it is plain text.</param>
    /// <param name="retryAfter">The wait the server asked for.</param>
    /// <returns>A transient or permanent outcome with the status as its code.</returns>
    public static SendOutcome Refused(int status, string? reason, TimeSpan? retryAfter)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        var text = Reason(reason) ?? Describe(status);
        return IsTransient(status) ? SendOutcome.Transient(code, text, retryAfter) : SendOutcome.Permanent(code, text);
    }

    /// <summary>Tells whether a refusal is worth retrying.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <returns><see langword="true"/> for a transient refusal.</returns>
    public static bool IsTransient(int status)
        => Statuses.TryGetValue(status, out var rule) ? rule.Transient : status >= 500;

    /// <summary>The outcome of one message of a 200 answer.</summary>
    /// <param name="muid">The message's <c>Muid</c>.</param>
    /// <param name="detail">Its synchronous <c>Details</c> entry, if the answer had one.</param>
    /// <param name="deliveryStatuses">The <c>Details</c> statuses known as delivery states, matched without regard to case.</param>
    /// <returns>
    /// Permanent with FanapPlus's code and description for <c>NotSupported</c>; accepted with the Muid and the delivery
    /// state for a status in <paramref name="deliveryStatuses"/>; accepted with the Muid alone otherwise.
    /// </returns>
    public static SendOutcome Accepted(string muid, FanapPlusDetail? detail, IReadOnlyDictionary<string, DeliveryState> deliveryStatuses)
    {
        ArgumentNullException.ThrowIfNull(deliveryStatuses);
        var accepted = SendOutcome.Accepted(muid);
        if (detail?.Status is not { Length: > 0 } status)
        {
            return accepted;
        }

        if (string.Equals(status, FanapPlusDefaults.NotSupportedStatus, StringComparison.OrdinalIgnoreCase))
        {
            return SendOutcome.Permanent(
                string.IsNullOrWhiteSpace(detail.Code) ? status : detail.Code,
                string.IsNullOrWhiteSpace(detail.Description) ? "FanapPlus does not support this message type on the account's channel." : detail.Description);
        }

        return deliveryStatuses.TryGetValue(status, out var state) ? accepted.WithDelivery(state, status) : accepted;
    }

    /// <summary>The outcome of a call that ran out of the client's timeout.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>A transient outcome.</returns>
    public static SendOutcome TimedOut(TimeSpan timeout)
        => SendOutcome.Transient(Timeout, string.Create(CultureInfo.InvariantCulture, $"FanapPlus did not answer within {timeout.TotalSeconds} s."));

    /// <summary>The outcome of a call that got no answer at all.</summary>
    /// <param name="error">The kind of transport error (never the exception's message).</param>
    /// <returns>A transient outcome.</returns>
    public static SendOutcome Unreachable(HttpRequestError error) => SendOutcome.Transient(Network, $"FanapPlus could not be reached ({error}).");

    /// <summary>The outcome of a 2xx answer that is not a FanapPlus answer.</summary>
    /// <param name="status">Its HTTP status.</param>
    /// <returns>A transient outcome.</returns>
    public static SendOutcome Unreadable(int status)
        => SendOutcome.Transient(InvalidResponse, string.Create(CultureInfo.InvariantCulture, $"FanapPlus answered HTTP {status} with a body that is not a FanapPlus answer (no Puid and Muids)."));

    /// <summary>The table's meaning of a status.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The meaning, or a generic text.</returns>
    public static string Describe(int status)
        => Statuses.TryGetValue(status, out var rule)
            ? rule.Meaning
            : status >= 500
                ? string.Create(CultureInfo.InvariantCulture, $"FanapPlus had a server error (HTTP {status}).")
                : string.Create(CultureInfo.InvariantCulture, $"FanapPlus refused the request (HTTP {status}).");

    /// <summary>A body worth keeping as the reason: plain text, trimmed and capped; not an HTML error page.</summary>
    private static string? Reason(string? body)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith('<'))
        {
            return null;
        }

        return text.Length <= MaxReasonLength ? text : string.Concat(text.AsSpan(0, MaxReasonLength), "…");
    }

    private readonly record struct Rule(bool Transient, string Meaning);
}

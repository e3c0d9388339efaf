using System.Globalization;
using System.Net.Http;

namespace Rasan.Providers.Kannel;

/// <summary>
/// Every Kannel answer Rasan maps, in one table: the HTTP answers of <c>sendsms</c>, transport failures and the types
/// of delivery reports.
/// </summary>
internal static class KannelStatusMap
{
    /// <summary>The longest answer or error text kept on a message.</summary>
    public const int MaxTextLength = 300;

    /// <summary>Maps one <c>sendsms</c> answer.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The answer's body (one line, such as <c>0: Accepted for delivery</c>).</param>
    /// <param name="retryAfter">The wait the answer asked for, if any.</param>
    /// <returns>The outcome.</returns>
    public static SendOutcome FromAnswer(int statusCode, string? body, TimeSpan? retryAfter = null)
    {
        var line = FirstLine(body);
        var text = line.Length > 0 ? line : string.Create(CultureInfo.InvariantCulture, $"HTTP {statusCode}");
        var code = statusCode.ToString(CultureInfo.InvariantCulture);
        return statusCode switch
        {
            // 202 "0: Accepted for delivery" (an SMSC is online) or "3: Queued for later delivery" (kept in
            // bearerbox's store until one is). Kannel's answer names no message: there is no provider id.
            >= 200 and < 300 when IsAccepted(line) => SendOutcome.Accepted(),

            // A 2xx that is not Kannel's (a web page at a wrong URL): nothing was queued, and retrying will not help.
            >= 200 and < 300 => SendOutcome.Permanent("unexpected-answer", text),

            // Not Kannel's own, but a proxy in front of it may answer so.
            408 or 429 => SendOutcome.Transient("http-" + code, text, retryAfter),

            // 403: "Authorization failed for sendsms" or "Not routable. Do not try again." (the SMSC was stopped).
            // 400: a field Kannel refused (receiver, sender, coding, charset, ...). 404: not the sendsms path.
            >= 400 and < 500 => SendOutcome.Permanent(code, text),

            // "Sending failed." and the like, or a proxy that cannot reach smsbox.
            >= 500 => SendOutcome.Transient("http-" + code, text, retryAfter),

            // A redirect HttpClient did not follow, or an informational answer: the URL is wrong.
            _ => SendOutcome.Permanent("http-" + code, text),
        };
    }

    /// <summary>Whether a 2xx answer says the message was queued because no SMSC is online.</summary>
    /// <param name="body">The answer's body.</param>
    /// <returns><see langword="true"/> for <c>3: Queued for later delivery</c>.</returns>
    public static bool IsQueued(string? body) => FirstLine(body).StartsWith("3:", StringComparison.Ordinal);

    /// <summary>Maps a failure to reach smsbox or to read its answer.</summary>
    /// <param name="exception">What HttpClient threw.</param>
    /// <returns>A transient outcome keeping the failure's text.</returns>
    public static SendOutcome FromFailure(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = exception.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "connect",
            HttpRequestError.NameResolutionError => "dns",
            HttpRequestError.SecureConnectionError => "tls",
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => "bad-response",
            _ => "http-error",
        };
        return SendOutcome.Transient(code, Truncate(exception.Message));
    }

    /// <summary>Maps an I/O failure while reading smsbox's answer.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <returns>A transient outcome keeping the failure's text.</returns>
    public static SendOutcome FromFailure(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return SendOutcome.Transient("io", Truncate(exception.Message));
    }

    /// <summary>The outcome when the HTTP client's own timeout (not the dispatcher's) ended the request.</summary>
    /// <returns>A transient outcome.</returns>
    public static SendOutcome Timeout() => SendOutcome.Transient("timeout", "Kannel did not answer within the HTTP client's timeout.");

    /// <summary>Maps the type of a delivery report (<c>%d</c>).</summary>
    /// <param name="type">The report type: 1, 2, 4, 8 or 16.</param>
    /// <param name="reply">The SMSC's report text (<c>%A</c>), such as an SMPP receipt with <c>stat:EXPIRED</c>.</param>
    /// <returns>The state, or <see langword="null"/> for a type Kannel does not send.</returns>
    public static DeliveryState? FromDlrType(int type, string? reply) => type switch
    {
        1 => DeliveryState.Delivered,
        2 => string.Equals(SmppStat(reply), "EXPIRED", StringComparison.OrdinalIgnoreCase) ? DeliveryState.Expired : DeliveryState.Failed,
        4 => DeliveryState.Pending,
        8 => DeliveryState.Pending,
        16 => DeliveryState.Failed,
        _ => null,
    };

    /// <summary>The <c>stat:</c> word of an SMPP delivery receipt (<c>DELIVRD</c>, <c>EXPIRED</c>, <c>UNDELIV</c>, ...).</summary>
    /// <param name="reply">The report text.</param>
    /// <returns>The word, or <see langword="null"/> when there is none.</returns>
    public static string? SmppStat(string? reply)
    {
        if (string.IsNullOrEmpty(reply))
        {
            return null;
        }

        var start = reply.IndexOf("stat:", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var word = reply.AsSpan(start + "stat:".Length);
        var end = word.IndexOfAny(' ', '\t');
        word = end < 0 ? word : word[..end];
        return word.IsEmpty ? null : word.Length > 16 ? word[..16].ToString() : word.ToString();
    }

    private static bool IsAccepted(string line)
        => line.StartsWith("0:", StringComparison.Ordinal) || line.StartsWith("3:", StringComparison.Ordinal);

    private static string FirstLine(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return string.Empty;
        }

        var span = body.AsSpan().Trim();
        var end = span.IndexOfAny('\r', '\n');
        return Truncate((end < 0 ? span : span[..end]).TrimEnd().ToString());
    }

    private static string Truncate(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}

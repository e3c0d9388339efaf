using System.Globalization;
using System.Text;

namespace Rasan.Providers.Kannel;

/// <summary>Builds the <c>sendsms</c> request for one message.</summary>
internal static class KannelSendsmsQuery
{
    /// <summary>
    /// What Kannel substitutes into each delivery report's URL: report type, smsc-id, the SMSC's message id, the
    /// report time (Unix seconds) and the SMSC's report text.
    /// </summary>
    public const string DlrParameters = "type=%d&smsc=%i&fid=%F&ts=%T&reply=%A";

    /// <summary>GSM 7-bit, Kannel's default.</summary>
    public const int Gsm7Coding = 0;

    /// <summary>UCS-2, for texts outside the GSM alphabet (Persian, Arabic, emoji, ...).</summary>
    public const int Ucs2Coding = 2;

    /// <summary>Builds the request URL.</summary>
    /// <param name="account">The account.</param>
    /// <param name="message">The message (for several recipients, the first of a group that shares text, sender and validity).</param>
    /// <param name="to">The recipients, separated by spaces: <paramref name="message"/>'s alone, or its group's.</param>
    /// <param name="callbackUrl">The hub's callback address for this message, or <see langword="null"/> for no reports.</param>
    /// <param name="dlrMask">The reports to ask for.</param>
    /// <param name="now">The current time, for the validity period.</param>
    /// <returns>The URL to GET.</returns>
    public static Uri Build(KannelAccount account, OutgoingMessage message, string to, Uri? callbackUrl, int dlrMask, DateTimeOffset now)
    {
        var url = account.SendSmsUrl.AbsoluteUri;
        var query = new StringBuilder(url.Length + message.Text.Length * 3 + 256).Append(url);
        var separator = account.SendSmsUrl.Query.Length == 0 ? '?' : '&';
        if (url.EndsWith('?') || url.EndsWith('&'))
        {
            separator = '\0';
        }

        void Add(string name, string value)
        {
            if (separator != '\0')
            {
                query.Append(separator);
            }

            separator = '&';
            query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        Add("username", account.Username);
        Add("password", account.Password);
        Add("to", to);
        if ((message.Sender ?? account.Sender) is { Length: > 0 } sender)
        {
            Add("from", sender);
        }

        Add("text", message.Text);
        Add("charset", "UTF-8");
        Add("coding", (Gsm7Alphabet.CanEncode(message.Text) ? Gsm7Coding : Ucs2Coding).ToString(CultureInfo.InvariantCulture));
        if (account.Smsc is not null)
        {
            Add("smsc", account.Smsc);
        }

        if (ValidityMinutes(message, now) is { } minutes)
        {
            Add("validity", minutes.ToString(CultureInfo.InvariantCulture));
        }

        if (callbackUrl is not null)
        {
            Add("dlr-mask", dlrMask.ToString(CultureInfo.InvariantCulture));
            Add("dlr-url", DlrUrl(callbackUrl));
        }

        return new Uri(query.ToString(), UriKind.Absolute);
    }

    /// <summary>Minutes the SMSC keeps trying: never beyond the message's own expiry; <see langword="null"/> without one.</summary>
    public static long? ValidityMinutes(OutgoingMessage message, DateTimeOffset now)
        => message.ExpiresAt is { } expiresAt && expiresAt > now ? Math.Max(1, (long)Math.Ceiling((expiresAt - now).TotalMinutes)) : null;

    /// <summary>
    /// The <c>dlr-url</c> value for a callback address. Kannel reads every <c>%</c> in it as the start of an escape
    /// (<c>%C3</c> would become the charset followed by <c>3</c>) and turns <c>%%</c> into <c>%</c>, so the address's
    /// own percent-escapes are doubled before Kannel's escapes are appended.
    /// </summary>
    /// <param name="callbackUrl">The hub's callback address for one message.</param>
    /// <returns>The URL Kannel is to call for each report, before Kannel's substitution.</returns>
    public static string DlrUrl(Uri callbackUrl)
    {
        var address = callbackUrl.AbsoluteUri;
        var fragment = address.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            address = address[..fragment];
        }

        var separator = callbackUrl.Query.Length == 0 ? "?" : address.EndsWith('&') || address.EndsWith('?') ? string.Empty : "&";
        return address.Replace("%", "%%", StringComparison.Ordinal) + separator + DlrParameters;
    }
}

namespace Rasan.Host;

/// <summary>
/// One entry of the <c>Rasan:Accounts</c> section, keyed by the account's name: a provider account the host creates on
/// start, or brings in line with this entry when it exists.
/// </summary>
internal sealed class HostAccountOptions
{
    /// <summary>The provider type, such as <c>kavenegar</c>, <c>ghasedak</c> or <c>kannel</c>.</summary>
    public string Provider { get; set; } = "";

    /// <summary>The channel; <c>sms</c> unless set.</summary>
    public string Channel { get; set; } = "sms";

    /// <summary>The sender line, if the provider needs one.</summary>
    public string? Sender { get; set; }

    /// <summary>Whether the account sends; <see langword="true"/> unless set.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most messages per second Rasan hands to it; 0 (the default) means no limit.</summary>
    public double RateLimitPerSecond { get; set; }

    /// <summary>The provider's account fields (API key, user name, URL, ...), as its descriptor names them.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);
}

namespace Rasan.Providers.Ghasedak.Json;

/// <summary>The <c>data</c> of <c>GetAccountInformation</c>.</summary>
internal sealed class GhasedakAccountInformation
{
    /// <summary>The credit in rials.</summary>
    public decimal? Credit { get; set; }

    /// <summary>The expiry, ISO 8601 (Tehran offset), read by <see cref="GhasedakDates"/>.</summary>
    public string? ExpireDate { get; set; }

    /// <summary>The plan's (Persian) name.</summary>
    public string? Plan { get; set; }
}

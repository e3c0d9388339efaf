using System.Text.Json.Serialization;

namespace Rasan.Providers.Kavenegar.Json;

/// <summary>The <c>account/info</c> entry.</summary>
internal sealed class KavenegarAccountEntry
{
    /// <summary>The remaining credit in rials.</summary>
    [JsonPropertyName("remaincredit")]
    public decimal? RemainCredit { get; set; }

    /// <summary>The expiry, Unix seconds; 0 or absent when none.</summary>
    [JsonPropertyName("expiredate")]
    public long? ExpireDate { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

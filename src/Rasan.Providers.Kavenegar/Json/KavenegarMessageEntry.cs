using System.Text.Json.Serialization;

namespace Rasan.Providers.Kavenegar.Json;

/// <summary>One message in a send answer, or one status in a status answer.</summary>
internal sealed class KavenegarMessageEntry
{
    [JsonPropertyName("messageid")]
    public long MessageId { get; set; }

    [JsonPropertyName("status")]
    public int Status { get; set; }

    [JsonPropertyName("statustext")]
    public string? StatusText { get; set; }

    [JsonPropertyName("receptor")]
    public string? Receptor { get; set; }

    [JsonPropertyName("date")]
    public long Date { get; set; }

    /// <summary>The price in rials.</summary>
    [JsonPropertyName("cost")]
    public decimal? Cost { get; set; }
}

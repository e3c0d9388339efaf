using System.Text.Json.Serialization;

namespace Rasan.Providers.Ghasedak.Json;

/// <summary>One sent message: the <c>data</c> of <c>SendSingleSMS</c>, or an item of <c>SendPairToPairSMS</c>.</summary>
internal sealed class GhasedakSentSms
{
    [JsonConverter(typeof(GhasedakIdConverter))]
    public string? MessageId { get; set; }

    public string? ClientReferenceId { get; set; }

    public string? Receptor { get; set; }

    /// <summary>The price in rials.</summary>
    public decimal? Cost { get; set; }
}

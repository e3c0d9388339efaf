using System.Text.Json.Serialization;

namespace Rasan.Providers.Ghasedak.Json;

/// <summary>One receptor of a <c>SendBulkSMS</c> result.</summary>
internal sealed class GhasedakBulkReceptor
{
    public string? Receptor { get; set; }

    [JsonConverter(typeof(GhasedakIdConverter))]
    public string? MessageId { get; set; }
}

using System.Text.Json.Serialization;

namespace Rasan.Providers.Ghasedak.Json;

/// <summary>One entry of <c>CheckSmsStatus</c>'s <c>data</c>.</summary>
internal sealed class GhasedakSmsStatus
{
    [JsonConverter(typeof(GhasedakIdConverter))]
    public string? MessageId { get; set; }

    public string? ClientReferenceId { get; set; }

    /// <summary>The status code (see <see cref="GhasedakMessageStatuses"/>).</summary>
    public int? Status { get; set; }
}

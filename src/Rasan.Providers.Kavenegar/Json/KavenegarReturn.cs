using System.Text.Json.Serialization;

namespace Rasan.Providers.Kavenegar.Json;

/// <summary>The authoritative result of a call: <c>status</c> 200 is success.</summary>
internal sealed class KavenegarReturn
{
    [JsonPropertyName("status")]
    public int Status { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rasan.Providers.Kavenegar.Json;

/// <summary>Every Kavenegar answer: <c>{"return": {...}, "entries": ...}</c>.</summary>
/// <remarks>
/// <see cref="Entries"/> is read only once <see cref="Return"/> says 200: it is an array for message methods, one object
/// for <c>account/*</c>, and <see langword="null"/> or absent on failure.
/// </remarks>
internal sealed class KavenegarEnvelope
{
    [JsonPropertyName("return")]
    public KavenegarReturn? Return { get; set; }

    [JsonPropertyName("entries")]
    public JsonElement Entries { get; set; }
}

using System.Text.Json.Serialization;

namespace Rasan.Providers.Kavenegar.Json;

/// <summary>Source-generated JSON for Kavenegar's answers and the array fields of <c>sms/sendarray</c>.</summary>
/// <remarks>Numbers are also read from strings: some Kavenegar front ends quote them.</remarks>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(KavenegarEnvelope))]
[JsonSerializable(typeof(List<KavenegarMessageEntry>))]
[JsonSerializable(typeof(KavenegarAccountEntry))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class KavenegarJsonContext : JsonSerializerContext
{
}

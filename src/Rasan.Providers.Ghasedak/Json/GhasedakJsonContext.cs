using System.Text.Json.Serialization;

namespace Rasan.Providers.Ghasedak.Json;

/// <summary>
/// Source-generated JSON for the gateway API: requests written in camelCase (nulls written, so <c>sendDate</c> is
/// <c>null</c>), answers read case-insensitively, numbers also from strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(GhasedakSingleSmsRequest))]
[JsonSerializable(typeof(GhasedakBulkSmsRequest))]
[JsonSerializable(typeof(GhasedakPairSmsRequest))]
[JsonSerializable(typeof(GhasedakReplyHead))]
[JsonSerializable(typeof(GhasedakReply<GhasedakSentSms>))]
[JsonSerializable(typeof(GhasedakReply<GhasedakBulkSmsResult>))]
[JsonSerializable(typeof(GhasedakReply<GhasedakPairSmsResult>))]
[JsonSerializable(typeof(GhasedakReply<List<GhasedakSmsStatus>>))]
[JsonSerializable(typeof(GhasedakReply<GhasedakAccountInformation>))]
internal sealed partial class GhasedakJsonContext : JsonSerializerContext
{
}

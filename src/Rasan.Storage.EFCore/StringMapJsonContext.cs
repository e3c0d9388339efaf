using System.Text.Json.Serialization;

namespace Rasan.Storage.EFCore;

/// <summary>Source-generated JSON for name-value columns: account settings and message provider options.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StringMapJsonContext : JsonSerializerContext;

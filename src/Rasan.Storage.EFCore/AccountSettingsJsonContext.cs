using System.Text.Json.Serialization;

namespace Rasan.Storage.EFCore;

/// <summary>Source-generated JSON for the account settings column.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AccountSettingsJsonContext : JsonSerializerContext;

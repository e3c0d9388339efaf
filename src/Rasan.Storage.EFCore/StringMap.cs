using System.Text.Json;

namespace Rasan.Storage.EFCore;

/// <summary>Stores a name-value map as a JSON object: account settings, message provider options.</summary>
internal static class StringMap
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>The JSON object; <see langword="null"/> for an empty map when <paramref name="emptyAsNull"/>.</summary>
    public static string? Encode(IReadOnlyDictionary<string, string> values, bool emptyAsNull)
        => emptyAsNull && values.Count == 0
            ? null
            : JsonSerializer.Serialize(new Dictionary<string, string>(values), StringMapJsonContext.Default.DictionaryStringString);

    /// <summary>The map a column holds; empty for <see langword="null"/>.</summary>
    public static IReadOnlyDictionary<string, string> Decode(string? stored)
        => stored is null ? Empty : JsonSerializer.Deserialize(stored, StringMapJsonContext.Default.DictionaryStringString) ?? Empty;
}

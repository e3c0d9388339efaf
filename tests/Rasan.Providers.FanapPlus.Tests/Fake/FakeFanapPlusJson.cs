using System.Text.Json;

namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>Reads request fields the way the contract says a fake should: names case-insensitive (the guide's <c>UId</c> quirk).</summary>
internal static class FakeFanapPlusJson
{
    public static JsonElement? Field(JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>A string field; absent, null or empty is <see langword="null"/>; another kind is a 400.</summary>
    public static string? Text(JsonElement body, string name) => Field(body, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString() is { Length: > 0 } text ? text : null,
        null or { ValueKind: JsonValueKind.Null } => null,
        _ => throw new FakeFanapPlusRefusal(400, $"{name} must be a string."),
    };

    /// <summary>A string array field; absent or null is empty.</summary>
    public static IReadOnlyList<string> Strings(JsonElement body, string name) => Field(body, name) switch
    {
        { ValueKind: JsonValueKind.Array } value => [.. value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString() ?? string.Empty
            : throw new FakeFanapPlusRefusal(400, $"{name} must be an array of strings."))],
        null or { ValueKind: JsonValueKind.Null } => [],
        _ => throw new FakeFanapPlusRefusal(400, $"{name} must be an array of strings."),
    };

    /// <summary>A field for the request record: a string as it is, anything else as its JSON.</summary>
    public static string Flat(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}

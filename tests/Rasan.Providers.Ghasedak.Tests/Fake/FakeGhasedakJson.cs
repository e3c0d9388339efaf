using System.Globalization;
using System.Text.Json;

namespace Rasan.Providers.Ghasedak.Tests.Fake;

/// <summary>Reads request fields the way the gateway binds them: names case-insensitive, numbers or strings.</summary>
internal static class FakeGhasedakJson
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

    public static string? Text(JsonElement body, string name) => Field(body, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        null or { ValueKind: JsonValueKind.Null } => null,
        _ => throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.MalformedBody),
    };

    public static IReadOnlyList<JsonElement> List(JsonElement body, string name) => Field(body, name) switch
    {
        { ValueKind: JsonValueKind.Array } value => [.. value.EnumerateArray()],
        null or { ValueKind: JsonValueKind.Null } => [],
        _ => throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.MalformedBody),
    };

    /// <summary>An ISO 8601 date with an offset, or without one (then Tehran time); absent or null for "now".</summary>
    public static DateTimeOffset? Date(JsonElement body, string name)
    {
        var text = Text(body, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.InvalidDate);
        }

        return parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, FakeGhasedakServer.TehranOffset)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>A field for the request record: a string as it is, anything else as its JSON.</summary>
    public static string Flat(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}

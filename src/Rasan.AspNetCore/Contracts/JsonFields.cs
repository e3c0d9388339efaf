using System.Globalization;
using System.Text.Json;

namespace Rasan.AspNetCore.Contracts;

/// <summary>
/// Reads fields of a JSON request body by hand, so every error is collected at once under its JSON path and unknown
/// or repeated fields are caught: strings (valid Unicode, no NUL), string arrays and ISO 8601 times with an offset.
/// </summary>
internal static class JsonFields
{
    /// <summary>The path of the body as a whole.</summary>
    public const string Root = "$";

    /// <summary>Parses a body that must be one JSON object.</summary>
    /// <returns>The document, owned by the caller; <see langword="null"/> after adding an error at <see cref="Root"/>.</returns>
    public static JsonDocument? ParseObject(ReadOnlyMemory<byte> body, ValidationErrors errors)
    {
        if (body.IsEmpty)
        {
            errors.Add(Root, "The body is empty: send a JSON object.");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            errors.Add(Root, string.Create(
                CultureInfo.InvariantCulture,
                $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})."));
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            errors.Add(Root, "The body must be a JSON object.");
            return null;
        }

        return document;
    }

    /// <summary>The object's properties, each name once; a repeated name is an error at its path.</summary>
    public static IEnumerable<JsonProperty> Properties(JsonElement element, string prefix, ValidationErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                errors.Add(prefix + property.Name, "The field is given more than once.");
                continue;
            }

            yield return property;
        }
    }

    public static string? ReadString(JsonElement value, string path, ValidationErrors errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return TryGetText(value, path, errors);
            case JsonValueKind.Null:
                return null;
            default:
                errors.Add(path, $"Must be a string, not {Describe(value.ValueKind)}.");
                return null;
        }
    }

    /// <summary>Reads a JSON string that must be valid Unicode text: no lone surrogate, no NUL.</summary>
    public static string? TryGetText(JsonElement value, string path, ValidationErrors errors)
    {
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            errors.Add(path, "Must be valid Unicode text (it has a lone surrogate escape).");
            return null;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(path, "Must not contain the NUL character (\\u0000).");
            return null;
        }

        return text;
    }

    public static List<string>? ReadStringArray(JsonElement value, string path, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"Must be an array of strings, not {Describe(value.ValueKind)}.");
            return null;
        }

        var list = new List<string>(value.GetArrayLength());
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                if (TryGetText(element, $"{path}[{index}]", errors) is { } text)
                {
                    list.Add(text);
                }
            }
            else
            {
                errors.Add($"{path}[{index}]", $"Must be a string, not {Describe(element.ValueKind)}.");
            }

            index++;
        }

        return list;
    }

    public static DateTimeOffset? ReadTime(JsonElement value, string path, ValidationErrors errors)
    {
        var text = ReadString(value, path, errors);
        if (text is null)
        {
            return null;
        }

        if (!HasOffset(text) || !value.TryGetDateTimeOffset(out var time))
        {
            errors.Add(path, "Must be an ISO 8601 time with an offset, such as \"2030-01-31T08:30:00Z\" or \"2030-01-31T12:00:00+03:30\".");
            return null;
        }

        return time;
    }

    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (time < 0)
        {
            return false;
        }

        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        var sign = text.LastIndexOfAny(['+', '-']);
        return sign > time;
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an unknown value",
    };

    /// <summary>Reads <c>true</c> or <c>false</c>; <see langword="null"/> for JSON null.</summary>
    public static bool? ReadBoolean(JsonElement value, string path, ValidationErrors errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            default:
                errors.Add(path, $"Must be true or false, not {Describe(value.ValueKind)}.");
                return null;
        }
    }

    /// <summary>Reads a number at least 0; <see langword="null"/> for JSON null.</summary>
    public static double? ReadNonNegative(JsonElement value, string path, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < 0 || !double.IsFinite(number))
        {
            errors.Add(path, "Must be a number, 0 or more.");
            return null;
        }

        return number;
    }
}

using System.Globalization;
using System.Text.Json;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.Contracts;

/// <summary>
/// Reads the send body into <see cref="SendMessagesRequest"/>, checking only JSON shape: syntax, types, unknown
/// fields and the <c>waitSeconds</c> range. Every error is reported at once, keyed by its JSON path (<c>to[1]</c>,
/// <c>messages[3].text</c>, <c>$</c> for the body as a whole). The engine checks everything else.
/// </summary>
internal static class SendMessagesRequestReader
{
    public const int MaxWaitSeconds = 20;
    private const string Root = "$";

    public static SendMessagesRequest? Read(ReadOnlyMemory<byte> body, ValidationErrors errors)
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

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(Root, "The body must be a JSON object.");
                return null;
            }

            var request = new SendMessagesRequest();
            foreach (var property in Properties(root, prefix: "", errors))
            {
                var path = property.Name;
                var value = property.Value;
                switch (property.Name)
                {
                    case "to":
                        request.To = ReadStringArray(value, path, errors);
                        break;
                    case "text":
                        request.Text = ReadString(value, path, errors);
                        break;
                    case "messages":
                        request.Messages = ReadItems(value, path, errors);
                        break;
                    case "channel":
                        request.Channel = ReadString(value, path, errors);
                        break;
                    case "account":
                        request.Account = ReadString(value, path, errors);
                        break;
                    case "priority":
                        request.Priority = ReadPriority(value, path, errors);
                        break;
                    case "sendAt":
                        request.SendAt = ReadTime(value, path, errors);
                        break;
                    case "expiresAt":
                        request.ExpiresAt = ReadTime(value, path, errors);
                        break;
                    case "tags":
                        request.Tags = ReadStringArray(value, path, errors);
                        break;
                    case "providerOptions":
                        request.ProviderOptions = ReadStringMap(value, path, errors);
                        break;
                    case "waitSeconds":
                        request.WaitSeconds = ReadWaitSeconds(value, path, errors);
                        break;
                    default:
                        errors.Add(path, "Unknown field.");
                        break;
                }
            }

            return request;
        }
    }

    private static List<SendMessageItem>? ReadItems(JsonElement value, string path, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, "Must be an array of message objects.");
            return null;
        }

        var items = new List<SendMessageItem>(value.GetArrayLength());
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(itemPath, "Must be a message object with 'to' and 'text'.");
                continue;
            }

            var item = new SendMessageItem();
            foreach (var property in Properties(element, itemPath + ".", errors))
            {
                var propertyPath = $"{itemPath}.{property.Name}";
                var propertyValue = property.Value;
                switch (property.Name)
                {
                    case "to":
                        item.To = ReadString(propertyValue, propertyPath, errors);
                        break;
                    case "text":
                        item.Text = ReadString(propertyValue, propertyPath, errors);
                        break;
                    case "channel":
                        item.Channel = ReadString(propertyValue, propertyPath, errors);
                        break;
                    case "account":
                        item.Account = ReadString(propertyValue, propertyPath, errors);
                        break;
                    case "priority":
                        item.Priority = ReadPriority(propertyValue, propertyPath, errors);
                        break;
                    case "sendAt":
                        item.SendAt = ReadTime(propertyValue, propertyPath, errors);
                        break;
                    case "expiresAt":
                        item.ExpiresAt = ReadTime(propertyValue, propertyPath, errors);
                        break;
                    case "tags":
                        item.Tags = ReadStringArray(propertyValue, propertyPath, errors);
                        break;
                    case "providerOptions":
                        item.ProviderOptions = ReadStringMap(propertyValue, propertyPath, errors);
                        break;
                    default:
                        errors.Add(propertyPath, "Unknown field.");
                        break;
                }
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>The object's properties, each name once; a repeated name is an error at its path.</summary>
    private static IEnumerable<JsonProperty> Properties(JsonElement element, string prefix, ValidationErrors errors)
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

    private static string? ReadString(JsonElement value, string path, ValidationErrors errors)
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
    private static string? TryGetText(JsonElement value, string path, ValidationErrors errors)
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

    private static List<string>? ReadStringArray(JsonElement value, string path, ValidationErrors errors)
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

    /// <summary>Reads an object whose values are all strings, such as <c>providerOptions</c>.</summary>
    private static Dictionary<string, string>? ReadStringMap(JsonElement value, string path, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"Must be an object of string values, not {Describe(value.ValueKind)}.");
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in Properties(value, path + ".", errors))
        {
            var entryPath = $"{path}.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(entryPath, $"Must be a string, not {Describe(property.Value.ValueKind)}.");
            }
            else if (TryGetText(property.Value, entryPath, errors) is { } text)
            {
                map[property.Name] = text;
            }
        }

        return map;
    }

    private static string? ReadPriority(JsonElement value, string path, ValidationErrors errors)
    {
        var text = ReadString(value, path, errors);
        if (text is not null && !PriorityNames.TryParse(text, out _))
        {
            errors.Add(path, "Must be \"high\", \"normal\" or \"low\".");
            return null;
        }

        return text;
    }

    private static DateTimeOffset? ReadTime(JsonElement value, string path, ValidationErrors errors)
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

    private static int? ReadWaitSeconds(JsonElement value, string path, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var seconds) || seconds is < 0 or > MaxWaitSeconds)
        {
            errors.Add(path, $"Must be a whole number of seconds from 0 to {MaxWaitSeconds}.");
            return null;
        }

        return seconds;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an unknown value",
    };
}

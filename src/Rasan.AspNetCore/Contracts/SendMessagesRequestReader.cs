using System.Text.Json;

namespace Rasan.AspNetCore.Contracts;

/// <summary>
/// Reads the send body into <see cref="SendMessagesRequest"/>, checking only JSON shape: syntax, types, unknown
/// fields and the <c>waitSeconds</c> range. Every error is reported at once, keyed by its JSON path (<c>to[1]</c>,
/// <c>messages[3].text</c>, <c>$</c> for the body as a whole). The engine checks everything else.
/// </summary>
internal static class SendMessagesRequestReader
{
    public const int MaxWaitSeconds = 20;

    public static SendMessagesRequest? Read(ReadOnlyMemory<byte> body, ValidationErrors errors)
    {
        using var document = JsonFields.ParseObject(body, errors);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        var request = new SendMessagesRequest();
        foreach (var property in JsonFields.Properties(root, prefix: "", errors))
        {
            var path = property.Name;
            var value = property.Value;
            switch (property.Name)
            {
                case "to":
                    request.To = JsonFields.ReadStringArray(value, path, errors);
                    break;
                case "text":
                    request.Text = JsonFields.ReadString(value, path, errors);
                    break;
                case "messages":
                    request.Messages = ReadItems(value, path, errors);
                    break;
                case "channel":
                    request.Channel = JsonFields.ReadString(value, path, errors);
                    break;
                case "account":
                    request.Account = JsonFields.ReadString(value, path, errors);
                    break;
                case "priority":
                    request.Priority = ReadPriority(value, path, errors);
                    break;
                case "sendAt":
                    request.SendAt = JsonFields.ReadTime(value, path, errors);
                    break;
                case "expiresAt":
                    request.ExpiresAt = JsonFields.ReadTime(value, path, errors);
                    break;
                case "tags":
                    request.Tags = JsonFields.ReadStringArray(value, path, errors);
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
            foreach (var property in JsonFields.Properties(element, itemPath + ".", errors))
            {
                var propertyPath = $"{itemPath}.{property.Name}";
                var propertyValue = property.Value;
                switch (property.Name)
                {
                    case "to":
                        item.To = JsonFields.ReadString(propertyValue, propertyPath, errors);
                        break;
                    case "text":
                        item.Text = JsonFields.ReadString(propertyValue, propertyPath, errors);
                        break;
                    case "channel":
                        item.Channel = JsonFields.ReadString(propertyValue, propertyPath, errors);
                        break;
                    case "account":
                        item.Account = JsonFields.ReadString(propertyValue, propertyPath, errors);
                        break;
                    case "priority":
                        item.Priority = ReadPriority(propertyValue, propertyPath, errors);
                        break;
                    case "sendAt":
                        item.SendAt = JsonFields.ReadTime(propertyValue, propertyPath, errors);
                        break;
                    case "expiresAt":
                        item.ExpiresAt = JsonFields.ReadTime(propertyValue, propertyPath, errors);
                        break;
                    case "tags":
                        item.Tags = JsonFields.ReadStringArray(propertyValue, propertyPath, errors);
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

    /// <summary>Reads an object whose values are all strings, such as <c>providerOptions</c>.</summary>
    private static Dictionary<string, string>? ReadStringMap(JsonElement value, string path, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"Must be an object of string values, not {JsonFields.Describe(value.ValueKind)}.");
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in JsonFields.Properties(value, path + ".", errors))
        {
            var entryPath = $"{path}.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(entryPath, $"Must be a string, not {JsonFields.Describe(property.Value.ValueKind)}.");
            }
            else if (JsonFields.TryGetText(property.Value, entryPath, errors) is { } text)
            {
                map[property.Name] = text;
            }
        }

        return map;
    }

    private static string? ReadPriority(JsonElement value, string path, ValidationErrors errors)
    {
        var text = JsonFields.ReadString(value, path, errors);
        if (text is not null && !PriorityNames.TryParse(text, out _))
        {
            errors.Add(path, "Must be \"high\", \"normal\" or \"low\".");
            return null;
        }

        return text;
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

}

using System.Text.Json;

namespace Rasan.AspNetCore.Contracts;

/// <summary>Reads the body of the account endpoints, checking JSON shape only; every error is keyed by its field.</summary>
internal static class AccountRequestReader
{
    public static AccountRequest? Read(ReadOnlyMemory<byte> body, ValidationErrors errors)
    {
        using var document = JsonFields.ParseObject(body, errors);
        if (document is null)
        {
            return null;
        }

        var request = new AccountRequest();
        foreach (var property in JsonFields.Properties(document.RootElement, prefix: "", errors))
        {
            var path = property.Name;
            var value = property.Value;
            switch (property.Name)
            {
                case "name":
                    request.Name = JsonFields.ReadString(value, path, errors);
                    break;
                case "provider":
                    request.Provider = JsonFields.ReadString(value, path, errors);
                    break;
                case "channel":
                    request.Channel = JsonFields.ReadString(value, path, errors);
                    break;
                case "sender":
                    request.Sender = JsonFields.ReadString(value, path, errors);
                    break;
                case "enabled":
                    request.Enabled = JsonFields.ReadBoolean(value, path, errors);
                    break;
                case "rateLimitPerSecond":
                    request.RateLimitPerSecond = JsonFields.ReadNonNegative(value, path, errors);
                    break;
                case "settings":
                    request.Settings = ReadSettings(value, path, errors);
                    break;
                default:
                    errors.Add(path, "Unknown field.");
                    break;
            }
        }

        return errors.Count > 0 ? null : request;
    }

    private static Dictionary<string, string?>? ReadSettings(JsonElement value, string path, ValidationErrors errors)
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

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in JsonFields.Properties(value, path + ".", errors))
        {
            settings[property.Name] = property.Value.ValueKind == JsonValueKind.Null
                ? null
                : JsonFields.ReadString(property.Value, $"{path}.{property.Name}", errors);
        }

        return settings;
    }
}

using Rasan.AspNetCore.Authentication;

namespace Rasan.AspNetCore.Contracts;

/// <summary>Reads and checks the body of <c>POST /api/v1/tokens</c>; every error is keyed by its field.</summary>
internal static class IssueApiTokenRequestReader
{
    public const int MaxNameLength = 200;

    /// <summary>Reads the body.</summary>
    /// <returns>The name, scopes and expiry; <see langword="null"/> when <paramref name="errors"/> has any.</returns>
    public static (string Name, ApiTokenScopes Scopes, DateTimeOffset? ExpiresAt)? Read(
        ReadOnlyMemory<byte> body, DateTimeOffset now, ValidationErrors errors)
    {
        using var document = JsonFields.ParseObject(body, errors);
        if (document is null)
        {
            return null;
        }

        var request = new IssueApiTokenRequest();
        foreach (var property in JsonFields.Properties(document.RootElement, prefix: "", errors))
        {
            switch (property.Name)
            {
                case "name":
                    request.Name = JsonFields.ReadString(property.Value, property.Name, errors);
                    break;
                case "scopes":
                    request.Scopes = JsonFields.ReadStringArray(property.Value, property.Name, errors);
                    break;
                case "expiresAt":
                    request.ExpiresAt = JsonFields.ReadTime(property.Value, property.Name, errors);
                    break;
                default:
                    errors.Add(property.Name, "Unknown field.");
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
        {
            errors.Add("name", $"Give a name of 1 to {MaxNameLength} characters.");
        }

        var scopes = ApiTokenScopes.None;
        if (request.Scopes is not { Count: > 0 })
        {
            errors.Add("scopes", "Give at least one scope: send, read or manage.");
        }
        else
        {
            for (var i = 0; i < request.Scopes.Count; i++)
            {
                if (ApiTokenScopeNames.TryParse(request.Scopes[i], out var scope))
                {
                    scopes |= scope;
                }
                else
                {
                    errors.Add($"scopes[{i}]", $"'{request.Scopes[i]}' is not a scope: use send, read or manage.");
                }
            }
        }

        if (request.ExpiresAt <= now)
        {
            errors.Add("expiresAt", "The expiry must be in the future.");
        }

        return errors.Count > 0 ? null : (request.Name!, scopes, request.ExpiresAt);
    }
}

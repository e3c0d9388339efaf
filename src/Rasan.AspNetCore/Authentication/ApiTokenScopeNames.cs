namespace Rasan.AspNetCore.Authentication;

/// <summary>The scope claim values of <see cref="ApiTokenScopes"/>.</summary>
internal static class ApiTokenScopeNames
{
    public const string Send = "send";

    public const string Read = "read";

    public const string Manage = "manage";

    public const string Admin = "admin";

    public static IEnumerable<string> Of(ApiTokenScopes scopes)
    {
        if (scopes.HasFlag(ApiTokenScopes.Send))
        {
            yield return Send;
        }

        if (scopes.HasFlag(ApiTokenScopes.Read))
        {
            yield return Read;
        }

        if (scopes.HasFlag(ApiTokenScopes.Manage))
        {
            yield return Manage;
        }

        if (scopes.HasFlag(ApiTokenScopes.Admin))
        {
            yield return Admin;
        }
    }

    /// <summary>Reads one scope name.</summary>
    public static bool TryParse(string name, out ApiTokenScopes scope)
    {
        scope = name switch
        {
            Send => ApiTokenScopes.Send,
            Read => ApiTokenScopes.Read,
            Manage => ApiTokenScopes.Manage,
            Admin => ApiTokenScopes.Admin,
            _ => ApiTokenScopes.None,
        };
        return scope != ApiTokenScopes.None;
    }
}

using System.Security.Claims;

namespace Rasan.AspNetCore.Authentication;

/// <summary>Reads the caller's service from the claims the API-token handler set.</summary>
internal static class CallerExtensions
{
    public static ServiceId GetServiceId(this ClaimsPrincipal user)
    {
        var value = user.FindFirst(RasanClaimTypes.ServiceId)?.Value;
        return ServiceId.TryParse(value, null, out var id)
            ? id
            : throw new InvalidOperationException("The caller has no Rasan service claim; the endpoint must require a Rasan API policy.");
    }

    /// <summary>The scopes of the caller's API token.</summary>
    public static ApiTokenScopes GetScopes(this ClaimsPrincipal user)
    {
        var scopes = ApiTokenScopes.None;
        foreach (var claim in user.FindAll(RasanClaimTypes.Scope))
        {
            if (ApiTokenScopeNames.TryParse(claim.Value, out var scope))
            {
                scopes |= scope;
            }
        }

        return scopes;
    }
}

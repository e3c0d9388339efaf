using Rasan.AspNetCore.Authentication;

namespace Rasan.AspNetCore.Contracts;

/// <summary>An API token as the API shows it: never its secret or hash.</summary>
internal sealed class ApiTokenResponse
{
    /// <summary>The token id.</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>The first characters of its secret, to recognise it by.</summary>
    public required string Prefix { get; init; }

    /// <summary>What it may do: "send", "read", "manage".</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>When it was issued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it expires, or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When it was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>When it last authenticated a request (recorded within about 30 seconds), or null if never.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>Whether it works now: neither revoked nor expired.</summary>
    public required bool Active { get; init; }

    public static ApiTokenResponse From(ApiToken token, DateTimeOffset now) => new()
    {
        Id = token.Id.ToString(),
        Name = token.Name,
        Prefix = token.Prefix,
        Scopes = [.. ApiTokenScopeNames.Of(token.Scopes)],
        CreatedAt = token.CreatedAt,
        ExpiresAt = token.ExpiresAt,
        RevokedAt = token.RevokedAt,
        LastUsedAt = token.LastUsedAt,
        Active = token.IsActive(now),
    };
}

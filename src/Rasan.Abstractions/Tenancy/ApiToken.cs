namespace Rasan;

/// <summary>A stored API token of a service. The secret itself is never stored, only its hash.</summary>
public sealed record ApiToken
{
    /// <summary>The id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The service it belongs to.</summary>
    public required ServiceId ServiceId { get; init; }

    /// <summary>A human name ("billing app").</summary>
    public required string Name { get; init; }

    /// <summary>The first characters of the secret, shown so people can tell tokens apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>The SHA-256 hash of the whole secret.</summary>
    public required byte[] Hash { get; init; }

    /// <summary>What it may do.</summary>
    public required ApiTokenScopes Scopes { get; init; }

    /// <summary>When it was issued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this time it answers 401; <see langword="null"/> means it does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>When it last authenticated a request, as recorded (within about 30 seconds); never used when absent.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>Tells whether the token may be used at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when neither expired nor revoked.</returns>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

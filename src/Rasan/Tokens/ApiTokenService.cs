using System.Collections.Concurrent;
using System.Security.Cryptography;
using Rasan.Storage;

namespace Rasan.Tokens;

/// <summary>
/// Issues API tokens and checks presented secrets. Lookups are cached for at most <see cref="CacheDuration"/>, so a
/// revoked or expired token stops working on every host within that time.
/// </summary>
internal sealed class ApiTokenService(ITenancyStore store, TokenUseRecorder uses, TimeProvider time)
    : IApiTokenAuthenticator, IApiTokenIssuer, IApiTokenManager
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);
    private const int MaxCachedEntries = 10_000;
    private const int MinImportedSecretLength = 16;
    private const int MaxSecretLength = 512;

    private readonly ConcurrentDictionary<string, CacheEntry> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unknown = new(StringComparer.Ordinal);

    public async ValueTask<ApiToken?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > MaxSecretLength)
        {
            return null;
        }

        var hash = ApiTokenSecret.Hash(secret);
        var cacheKey = Convert.ToHexString(hash);
        var now = time.GetUtcNow();
        if (_unknown.TryGetValue(cacheKey, out var unknownUntil) && unknownUntil > now)
        {
            return null;
        }

        if (!_cache.TryGetValue(cacheKey, out var entry) || entry.ValidUntil <= now)
        {
            var token = await LoadAsync(hash, cancellationToken);
            if (token is null)
            {
                // Unknown secrets are remembered apart, so a flood of random ones never evicts the valid tokens.
                Remember(_unknown, cacheKey, now + CacheDuration);
                return null;
            }

            entry = new CacheEntry(token, now + CacheDuration);
            Remember(_cache, cacheKey, entry);
        }

        if (!entry.Token.IsActive(now))
        {
            return null;
        }

        uses.Record(entry.Token.Id, now);
        return entry.Token;
    }

    public async Task<IssuedApiToken> IssueAsync(
        ServiceId service, string name, ApiTokenScopes scopes, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = ApiTokenSecret.Create();
        var token = await StoreAsync(service, name, secret, scopes, expiresAt, cancellationToken);
        return new IssuedApiToken(token, secret);
    }

    public async Task<ApiToken> ImportAsync(
        ServiceId service, string name, string secret, ApiTokenScopes scopes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinImportedSecretLength || secret.Length > MaxSecretLength || secret.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException(
                $"An API token secret must be {MinImportedSecretLength} to {MaxSecretLength} characters without spaces.", nameof(secret));
        }

        if (await FindImportedAsync(service, secret, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            return await StoreAsync(service, name, secret, scopes, expiresAt: null, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Most likely another host imported the same secret first (hashes are unique); anything else is thrown again.
            if (await FindImportedAsync(service, secret, cancellationToken) is { } imported)
            {
                return imported;
            }

            throw;
        }
    }

    public Task<IReadOnlyList<ApiToken>> ListAsync(ServiceId service, CancellationToken cancellationToken = default)
        => store.ListTokensAsync(service, cancellationToken);

    public async Task<ApiToken?> RevokeAsync(ServiceId service, Guid id, CancellationToken cancellationToken = default)
    {
        var token = await store.RevokeTokenAsync(service, id, time.GetUtcNow(), cancellationToken);
        if (token is not null)
        {
            // Other hosts drop it when their cache entry ends; this one at once.
            _cache.TryRemove(Convert.ToHexString(token.Hash), out _);
        }

        return token;
    }

    /// <summary>The token already stored with this secret, if it is this service's.</summary>
    private async Task<ApiToken?> FindImportedAsync(ServiceId service, string secret, CancellationToken cancellationToken)
    {
        var token = await store.FindTokenAsync(ApiTokenSecret.Hash(secret), cancellationToken);
        return token is null || token.ServiceId == service
            ? token
            : throw new InvalidOperationException("This API token secret already belongs to another service; choose another.");
    }

    private async Task<ApiToken> StoreAsync(
        ServiceId service, string name, string secret, ApiTokenScopes scopes, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            ServiceId = service,
            Name = name,
            Prefix = ApiTokenSecret.PrefixOf(secret),
            Hash = ApiTokenSecret.Hash(secret),
            Scopes = scopes,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        await store.AddTokenAsync(token, cancellationToken);
        _cache.TryRemove(Convert.ToHexString(token.Hash), out _);
        _unknown.TryRemove(Convert.ToHexString(token.Hash), out _);
        return token;
    }

    private async Task<ApiToken?> LoadAsync(byte[] hash, CancellationToken cancellationToken)
    {
        var token = await store.FindTokenAsync(hash, cancellationToken);
        if (token is null || !CryptographicOperations.FixedTimeEquals(token.Hash, hash))
        {
            return null;
        }

        var service = await store.GetServiceAsync(token.ServiceId, cancellationToken);
        return service is { Enabled: true } ? token : null;
    }

    private static void Remember<T>(ConcurrentDictionary<string, T> cache, string key, T value)
    {
        if (cache.Count >= MaxCachedEntries)
        {
            cache.Clear();
        }

        cache[key] = value;
    }

    private sealed record CacheEntry(ApiToken Token, DateTimeOffset ValidUntil);
}

using Rasan.Storage;

namespace Rasan.InMemory;

/// <summary>An <see cref="ITenancyStore"/> that keeps everything in memory, for tests and demos. Thread-safe.</summary>
internal sealed class InMemoryTenancyStore : ITenancyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ServiceId, ClientService> _services = [];
    private readonly Dictionary<AccountId, ProviderAccount> _accounts = [];
    private readonly Dictionary<Guid, ApiToken> _tokens = [];

    public Task<ClientService?> GetServiceAsync(ServiceId id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_services.GetValueOrDefault(id));
        }
    }

    public Task<ClientService?> FindServiceAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_services.Values.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal)));
        }
    }

    public Task AddServiceAsync(ClientService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            if (_services.ContainsKey(service.Id) || _services.Values.Any(s => string.Equals(s.Name, service.Name, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"A service with id '{service.Id}' or name '{service.Name}' already exists.");
            }

            _services.Add(service.Id, service);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ProviderAccount>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ProviderAccount> accounts = [.. _accounts.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];
            return Task.FromResult(accounts);
        }
    }

    public Task AddAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_lock)
        {
            if (_accounts.ContainsKey(account.Id) || _accounts.Values.Any(a => string.Equals(a.Name, account.Name, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"An account with id '{account.Id}' or name '{account.Name}' already exists.");
            }

            _accounts.Add(account.Id, account with { Settings = new Dictionary<string, string>(account.Settings) });
        }

        return Task.CompletedTask;
    }

    public Task<bool> UpdateAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_lock)
        {
            if (!_accounts.TryGetValue(account.Id, out var stored))
            {
                return Task.FromResult(false);
            }

            if (_accounts.Values.Any(a => a.Id != account.Id && string.Equals(a.Name, account.Name, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"An account named '{account.Name}' already exists.");
            }

            _accounts[account.Id] = account with { Settings = new Dictionary<string, string>(account.Settings), CreatedAt = stored.CreatedAt };
            return Task.FromResult(true);
        }
    }

    public Task<ApiToken?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        lock (_lock)
        {
            return Task.FromResult(_tokens.Values.FirstOrDefault(t => t.Hash.AsSpan().SequenceEqual(hash)));
        }
    }

    public Task AddTokenAsync(ApiToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_lock)
        {
            if (_tokens.ContainsKey(token.Id) || _tokens.Values.Any(t => t.Hash.AsSpan().SequenceEqual(token.Hash)))
            {
                throw new InvalidOperationException($"A token with id '{token.Id}' or the same hash already exists.");
            }

            _tokens.Add(token.Id, token with { Hash = [.. token.Hash] });
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ApiToken>> ListTokensAsync(ServiceId service, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ApiToken> tokens = [.. _tokens.Values.Where(t => t.ServiceId == service).OrderByDescending(t => t.Id)];
            return Task.FromResult(tokens);
        }
    }

    public Task<ApiToken?> RevokeTokenAsync(ServiceId service, Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(id, out var token) || token.ServiceId != service)
            {
                return Task.FromResult<ApiToken?>(null);
            }

            var revoked = token.RevokedAt is null ? token with { RevokedAt = at } : token;
            _tokens[id] = revoked;
            return Task.FromResult<ApiToken?>(revoked);
        }
    }

    public Task RecordTokenUseAsync(IReadOnlyDictionary<Guid, DateTimeOffset> lastUse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lastUse);
        lock (_lock)
        {
            foreach (var (id, at) in lastUse)
            {
                if (_tokens.TryGetValue(id, out var token) && !(token.LastUsedAt >= at))
                {
                    _tokens[id] = token with { LastUsedAt = at };
                }
            }
        }

        return Task.CompletedTask;
    }
}

using Rasan.Storage;

namespace Rasan.Dispatch;

/// <summary>
/// The provider accounts, read from the store and kept for a few seconds so the accept and dispatch paths do not
/// read them per message. A change to an account is seen within <see cref="RefreshInterval"/>; an account looked up by
/// id and not found is read again at once (at most once per <see cref="MissRefreshInterval"/>), so a new account's
/// first callback or message does not wait for the next refresh.
/// </summary>
internal sealed class AccountDirectory(ITenancyStore store, TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot _snapshot = new([], DateTimeOffset.MinValue);

    public ValueTask<IReadOnlyList<ProviderAccount>> GetAllAsync(CancellationToken cancellationToken)
        => GetAllAsync(RefreshInterval, cancellationToken);

    public async ValueTask<ProviderAccount?> FindAsync(AccountId id, CancellationToken cancellationToken)
        => Find(await GetAllAsync(cancellationToken), id)
            ?? Find(await GetAllAsync(MissRefreshInterval, cancellationToken), id);

    /// <summary>
    /// The accounts, read again (at most once per <see cref="MissRefreshInterval"/>) when one of
    /// <paramref name="names"/> is missing, so an account added a moment ago can be sent through at once.
    /// </summary>
    public async ValueTask<IReadOnlyList<ProviderAccount>> GetAllWithAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var accounts = await GetAllAsync(cancellationToken);
        return names.All(n => accounts.Any(a => string.Equals(a.Name, n, StringComparison.OrdinalIgnoreCase)))
            ? accounts
            : await GetAllAsync(MissRefreshInterval, cancellationToken);
    }

    private static ProviderAccount? Find(IReadOnlyList<ProviderAccount> accounts, AccountId id)
        => accounts.FirstOrDefault(a => a.Id == id);

    /// <summary>The accounts, read again when the snapshot is older than <paramref name="maxAge"/>.</summary>
    private async ValueTask<IReadOnlyList<ProviderAccount>> GetAllAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (time.GetUtcNow() < snapshot.ReadAt + maxAge)
        {
            return snapshot.Accounts;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            snapshot = Volatile.Read(ref _snapshot);
            if (time.GetUtcNow() >= snapshot.ReadAt + maxAge)
            {
                var accounts = await store.ListAccountsAsync(cancellationToken);
                snapshot = new Snapshot(accounts, time.GetUtcNow());
                Volatile.Write(ref _snapshot, snapshot);
            }

            return snapshot.Accounts;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyList<ProviderAccount> Accounts, DateTimeOffset ReadAt);
}

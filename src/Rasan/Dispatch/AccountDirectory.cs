using Rasan.Storage;

namespace Rasan.Dispatch;

/// <summary>
/// The provider accounts, read from the store and kept for a few seconds so the accept and dispatch paths do not
/// read them per message. A change to an account is seen within <see cref="RefreshInterval"/>.
/// </summary>
internal sealed class AccountDirectory(ITenancyStore store, TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot _snapshot = new([], DateTimeOffset.MinValue);

    public async ValueTask<IReadOnlyList<ProviderAccount>> GetAllAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (time.GetUtcNow() < snapshot.ValidUntil)
        {
            return snapshot.Accounts;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            snapshot = Volatile.Read(ref _snapshot);
            if (time.GetUtcNow() >= snapshot.ValidUntil)
            {
                var accounts = await store.ListAccountsAsync(cancellationToken);
                snapshot = new Snapshot(accounts, time.GetUtcNow() + RefreshInterval);
                Volatile.Write(ref _snapshot, snapshot);
            }

            return snapshot.Accounts;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public async ValueTask<ProviderAccount?> FindAsync(AccountId id, CancellationToken cancellationToken)
    {
        foreach (var account in await GetAllAsync(cancellationToken))
        {
            if (account.Id == id)
            {
                return account;
            }
        }

        return null;
    }

    private sealed record Snapshot(IReadOnlyList<ProviderAccount> Accounts, DateTimeOffset ValidUntil);
}

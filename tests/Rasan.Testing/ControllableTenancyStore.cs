using Rasan.Storage;

namespace Rasan.Testing;

/// <summary>Wraps a real tenancy store so a test can make every call fail like a database outage, and count token look-ups.</summary>
/// <param name="inner">The store that does the work.</param>
public sealed class ControllableTenancyStore(ITenancyStore inner) : ITenancyStore
{
    private int _tokenLookups;

    /// <summary>When set, every call throws it.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Runs before each account is added, with the inner store: a test's "other host" can add one first.</summary>
    public Func<ITenancyStore, ProviderAccount, Task>? BeforeAddAccount { get; set; }

    /// <summary>How many times a token was looked up by its hash.</summary>
    public int TokenLookups => Volatile.Read(ref _tokenLookups);

    public Task<ClientService?> GetServiceAsync(ServiceId id, CancellationToken cancellationToken)
        => Run(() => inner.GetServiceAsync(id, cancellationToken));

    public Task<ClientService?> FindServiceAsync(string name, CancellationToken cancellationToken)
        => Run(() => inner.FindServiceAsync(name, cancellationToken));

    public Task AddServiceAsync(ClientService service, CancellationToken cancellationToken)
        => Run(() => inner.AddServiceAsync(service, cancellationToken));

    public Task<IReadOnlyList<ProviderAccount>> ListAccountsAsync(CancellationToken cancellationToken)
        => Run(() => inner.ListAccountsAsync(cancellationToken));

    public Task AddAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
        => Run(async () =>
        {
            if (BeforeAddAccount is { } before)
            {
                await before(inner, account);
            }

            await inner.AddAccountAsync(account, cancellationToken);
        });

    public Task<bool> UpdateAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
        => Run(() => inner.UpdateAccountAsync(account, cancellationToken));

    public Task<ApiToken?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _tokenLookups);
        return Run(() => inner.FindTokenAsync(hash, cancellationToken));
    }

    public Task AddTokenAsync(ApiToken token, CancellationToken cancellationToken)
        => Run(() => inner.AddTokenAsync(token, cancellationToken));

    public Task<IReadOnlyList<ApiToken>> ListTokensAsync(ServiceId service, CancellationToken cancellationToken)
        => Run(() => inner.ListTokensAsync(service, cancellationToken));

    public Task<ApiToken?> RevokeTokenAsync(ServiceId service, Guid id, DateTimeOffset at, CancellationToken cancellationToken)
        => Run(() => inner.RevokeTokenAsync(service, id, at, cancellationToken));

    public Task RecordTokenUseAsync(IReadOnlyDictionary<Guid, DateTimeOffset> lastUse, CancellationToken cancellationToken)
        => Run(() => inner.RecordTokenUseAsync(lastUse, cancellationToken));

    private T Run<T>(Func<T> call)
        where T : Task
        => Failure is { } failure ? throw failure : call();
}

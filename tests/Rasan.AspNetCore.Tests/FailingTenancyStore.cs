using Rasan.Storage;

namespace Rasan.AspNetCore.Tests;

/// <summary>Wraps the real tenancy store so a test can make it fail like a database outage.</summary>
internal sealed class FailingTenancyStore(ITenancyStore inner) : ITenancyStore
{
    public Exception? Failure { get; set; }

    public Task<ClientService?> GetServiceAsync(ServiceId id, CancellationToken cancellationToken)
        => Failure is { } failure ? Task.FromException<ClientService?>(failure) : inner.GetServiceAsync(id, cancellationToken);

    public Task<ClientService?> FindServiceAsync(string name, CancellationToken cancellationToken)
        => Failure is { } failure ? Task.FromException<ClientService?>(failure) : inner.FindServiceAsync(name, cancellationToken);

    public Task AddServiceAsync(ClientService service, CancellationToken cancellationToken)
        => Failure is { } failure ? Task.FromException(failure) : inner.AddServiceAsync(service, cancellationToken);

    public Task<IReadOnlyList<ProviderAccount>> ListAccountsAsync(CancellationToken cancellationToken)
        => Failure is { } failure ? Task.FromException<IReadOnlyList<ProviderAccount>>(failure) : inner.ListAccountsAsync(cancellationToken);

    public Task AddAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
        => Failure is { } failure ? Task.FromException(failure) : inner.AddAccountAsync(account, cancellationToken);

    public Task<ApiToken?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken)
        => Failure is { } failure ? Task.FromException<ApiToken?>(failure) : inner.FindTokenAsync(hash, cancellationToken);

    public Task AddTokenAsync(ApiToken token, CancellationToken cancellationToken)
        => Failure is { } failure ? Task.FromException(failure) : inner.AddTokenAsync(token, cancellationToken);
}

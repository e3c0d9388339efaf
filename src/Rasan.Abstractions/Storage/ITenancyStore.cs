namespace Rasan.Storage;

/// <summary>Stores client services, provider accounts and API tokens.</summary>
public interface ITenancyStore
{
    /// <summary>Gets a service.</summary>
    /// <param name="id">The service.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service, or <see langword="null"/>.</returns>
    Task<ClientService?> GetServiceAsync(ServiceId id, CancellationToken cancellationToken);

    /// <summary>Finds a service by its unique name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service, or <see langword="null"/>.</returns>
    Task<ClientService?> FindServiceAsync(string name, CancellationToken cancellationToken);

    /// <summary>Adds a service.</summary>
    /// <param name="service">The service; its name must be unique.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AddServiceAsync(ClientService service, CancellationToken cancellationToken);

    /// <summary>Lists every provider account.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accounts, by name.</returns>
    Task<IReadOnlyList<ProviderAccount>> ListAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Adds a provider account.</summary>
    /// <param name="account">The account; its name must be unique.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AddAccountAsync(ProviderAccount account, CancellationToken cancellationToken);

    /// <summary>Replaces an account's name, provider type, channel, sender, state, rate and settings.</summary>
    /// <param name="account">The account, by its id; <see cref="ProviderAccount.CreatedAt"/> is kept as stored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when it was found and changed; <see langword="false"/> when there is no such account.</returns>
    Task<bool> UpdateAccountAsync(ProviderAccount account, CancellationToken cancellationToken);

    /// <summary>Finds a token by the SHA-256 hash of its secret.</summary>
    /// <param name="hash">The hash.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, or <see langword="null"/>.</returns>
    Task<ApiToken?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken);

    /// <summary>Adds a token.</summary>
    /// <param name="token">The token; its hash must be unique.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AddTokenAsync(ApiToken token, CancellationToken cancellationToken);

    /// <summary>Lists a service's tokens, revoked and expired ones included, newest first.</summary>
    /// <param name="service">The service.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens.</returns>
    Task<IReadOnlyList<ApiToken>> ListTokensAsync(ServiceId service, CancellationToken cancellationToken);

    /// <summary>Revokes a token of a service. Revoking it again keeps the first revocation time.</summary>
    /// <param name="service">The service the token must belong to.</param>
    /// <param name="id">The token id.</param>
    /// <param name="at">The revocation time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The revoked token, or <see langword="null"/> when the service has no such token.</returns>
    Task<ApiToken?> RevokeTokenAsync(ServiceId service, Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records when tokens were last used; a time earlier than the one stored is ignored.</summary>
    /// <param name="lastUse">The last use of each token, by token id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task RecordTokenUseAsync(IReadOnlyDictionary<Guid, DateTimeOffset> lastUse, CancellationToken cancellationToken);
}

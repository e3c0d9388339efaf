namespace Rasan;

/// <summary>Lists and revokes a service's API tokens; <see cref="IApiTokenIssuer"/> issues them.</summary>
public interface IApiTokenManager
{
    /// <summary>Lists a service's tokens, revoked and expired ones included, newest first. Secrets are never kept.</summary>
    /// <param name="service">The service.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens.</returns>
    Task<IReadOnlyList<ApiToken>> ListAsync(ServiceId service, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes a token. It stops working on this host at once and on every other host within
    /// the authentication cache's lifetime (5 seconds).
    /// </summary>
    /// <param name="service">The service the token must belong to.</param>
    /// <param name="id">The token id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The revoked token, or <see langword="null"/> when the service has no such token.</returns>
    Task<ApiToken?> RevokeAsync(ServiceId service, Guid id, CancellationToken cancellationToken = default);
}

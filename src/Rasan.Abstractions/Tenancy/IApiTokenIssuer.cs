namespace Rasan;

/// <summary>Issues API tokens for services.</summary>
public interface IApiTokenIssuer
{
    /// <summary>Issues a token. Its secret is returned once and stored only as a hash.</summary>
    /// <param name="service">The service it belongs to.</param>
    /// <param name="name">A human name.</param>
    /// <param name="scopes">What it may do.</param>
    /// <param name="expiresAt">When it expires; <see langword="null"/> for never.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored token and its secret.</returns>
    Task<IssuedApiToken> IssueAsync(
        ServiceId service, string name, ApiTokenScopes scopes, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a token with a secret chosen by the operator (a bootstrap token from configuration). It must be at
    /// least 16 characters long. Importing a secret the service already has returns that token unchanged, so an
    /// import can run on every start and on several hosts at once.
    /// </summary>
    /// <param name="service">The service it belongs to.</param>
    /// <param name="name">A human name.</param>
    /// <param name="secret">The secret.</param>
    /// <param name="scopes">What it may do.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored token.</returns>
    /// <exception cref="InvalidOperationException">The secret belongs to another service's token.</exception>
    Task<ApiToken> ImportAsync(
        ServiceId service, string name, string secret, ApiTokenScopes scopes, CancellationToken cancellationToken = default);
}

namespace Rasan;

/// <summary>Checks API token secrets presented by callers.</summary>
public interface IApiTokenAuthenticator
{
    /// <summary>Finds the active token with this secret.</summary>
    /// <param name="secret">The secret from <c>Authorization: Bearer</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, or <see langword="null"/> when unknown, expired, revoked or of a disabled service.</returns>
    ValueTask<ApiToken?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default);
}

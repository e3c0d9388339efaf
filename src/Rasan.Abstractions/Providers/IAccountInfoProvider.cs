namespace Rasan.Providers;

/// <summary>A provider capability: reading an account's balance and expiry.</summary>
public interface IAccountInfoProvider
{
    /// <summary>Reads the account's balance and expiry.</summary>
    /// <param name="context">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the provider said.</returns>
    Task<AccountInfo> GetAccountInfoAsync(ProviderContext context, CancellationToken cancellationToken);
}

namespace Rasan.Providers;

/// <summary>
/// Takes a provider's delivery callback (a Kannel DLR, a webhook) as the HTTP layer received it: checks its signature,
/// has the account's provider parse it and applies the reports. Implemented by the engine; the HTTP endpoint calls it.
/// </summary>
public interface ICallbackReceiver
{
    /// <summary>Receives one callback.</summary>
    /// <param name="providerType">The provider type named in the callback address.</param>
    /// <param name="account">The account named in the callback address.</param>
    /// <param name="payload">The callback.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What to answer.</returns>
    Task<CallbackOutcome> ReceiveAsync(string providerType, AccountId account, CallbackPayload payload, CancellationToken cancellationToken);
}

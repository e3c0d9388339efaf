namespace Rasan.Providers;

/// <summary>
/// Hands messages to one kind of provider. Registered once per type in code; accounts are data. Optional
/// capabilities: <see cref="IDeliveryStatusPoller"/>, <see cref="IAccountInfoProvider"/>, <see cref="ICallbackParser"/>.
/// </summary>
/// <remarks>Implementations do not retry: the dispatcher owns retries, backoff, rate limits and circuit breaking.</remarks>
public interface IMessageProvider
{
    /// <summary>What this provider is.</summary>
    ProviderDescriptor Descriptor { get; }

    /// <summary>Sends up to <see cref="ProviderDescriptor.MaxBatchSize"/> messages through one account.</summary>
    /// <param name="context">The account and its settings.</param>
    /// <param name="messages">The messages; each carries its Rasan id for the provider's idempotency id.</param>
    /// <param name="cancellationToken">Cancels the call (the per-attempt timeout included).</param>
    /// <returns>One outcome per message, in the same order.</returns>
    Task<IReadOnlyList<SendOutcome>> SendAsync(
        ProviderContext context, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);
}

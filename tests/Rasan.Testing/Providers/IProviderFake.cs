using Rasan.Providers;

namespace Rasan.Testing.Providers;

/// <summary>
/// A faithful local fake of one provider's API, driven by <see cref="MessageProviderConformanceTests{TFake}"/>. The
/// fake keeps a ledger of what it accepted and billed, per Rasan message id, so tests can count duplicates.
/// </summary>
public interface IProviderFake : IAsyncDisposable
{
    /// <summary>The address the provider must be configured with to reach the fake.</summary>
    Uri BaseAddress { get; }

    /// <summary>Values that must never appear in logs or trace tags: keys, tokens, passwords.</summary>
    IReadOnlyCollection<string> Secrets { get; }

    /// <summary>What the provider must report for the account of <see cref="CreateAccount"/>.</summary>
    AccountInfo AccountInfo { get; }

    /// <summary>Every request received so far, in order, secrets redacted.</summary>
    IReadOnlyList<ProviderFakeRequest> Requests { get; }

    /// <summary>Starts the fake (a local server on a free loopback port).</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the fake answers.</returns>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>An account of the provider's type with credentials the fake accepts and a sender it knows.</summary>
    /// <returns>A new account.</returns>
    ProviderAccount CreateAccount();

    /// <summary>Makes the next send call fail in the given way.</summary>
    /// <param name="fault">How.</param>
    /// <returns>The code and text the provider should keep on its outcomes.</returns>
    ProviderFaultAnswer InjectFault(ProviderFault fault);

    /// <summary>How many times the fake took and billed a message, deduplicated by its idempotency id.</summary>
    /// <param name="messageId">The Rasan id the provider derived its idempotency id from.</param>
    /// <returns>0 when never taken; 1 for a message taken once however often it was retried.</returns>
    int BillableSends(MessageId messageId);

    /// <summary>How many messages the fake took and billed in all, whatever id they came with.</summary>
    int TotalBilled { get; }

    /// <summary>From now on, reports this final delivery state for messages to a recipient.</summary>
    /// <param name="recipient">The E.164 recipient.</param>
    /// <param name="state">Delivered or Failed.</param>
    void ScriptDelivery(string recipient, DeliveryState state);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rasan.Dispatch;
using Rasan.Providers;
using Rasan.Storage;
using Rasan.Telemetry;
using Rasan.Tracking;

namespace Rasan.Callbacks;

/// <summary>
/// Applies a provider's delivery callback: the account must exist with that provider type and the address must carry
/// this hub's signature of the message; the provider parses it; its reports about that message are applied. A report
/// that comes before the message is recorded Sent (the provider is quicker than the dispatcher's write) is retried for
/// <see cref="CallbackOptions.EarlyReportWait"/>. Repeated and out-of-order reports are the store's to settle: each
/// distinct provider state is recorded once and a final status is never replaced.
/// </summary>
internal sealed class CallbackReceiver(
    AccountDirectory accounts,
    ProviderRegistry providers,
    CallbackSigner signer,
    IMessageStore store,
    StatusNotifier notifier,
    RasanInstrumentation instrumentation,
    IOptions<RasanOptions> options,
    TimeProvider time,
    ILogger<CallbackReceiver> logger) : ICallbackReceiver
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(1);

    public async Task<CallbackOutcome> ReceiveAsync(
        string providerType, AccountId account, CallbackPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(providerType);
        ArgumentNullException.ThrowIfNull(payload);
        // The signature first: an address this hub did not sign costs no account look-up (callers are anonymous).
        if (!payload.Query.TryGetValue(CallbackSigner.MessageParameter, out var messageText)
            || !MessageId.TryParse(messageText, null, out var message)
            || !signer.IsSigned(providerType, account, message, payload.Query.GetValueOrDefault(CallbackSigner.SignatureParameter))
            || await accounts.FindAsync(account, cancellationToken) is not { } found
            || !string.Equals(found.ProviderType, providerType, StringComparison.OrdinalIgnoreCase)
            || providers.Find(found.ProviderType) is not ICallbackParser parser)
        {
            logger.CallbackRefused(providerType, account);
            return CallbackOutcome.NotFound;
        }

        // The signature covers one message: reports about any other are ignored.
        var updates = parser.Parse(payload)
            .Where(r => r.MessageId is null || r.MessageId == message)
            .Select(r => new DeliveryUpdate(account, r with { MessageId = message }))
            .ToArray();
        if (updates.Length == 0)
        {
            logger.CallbackNotUnderstood(found.ProviderType, message);
            return CallbackOutcome.Invalid;
        }

        await ApplyAsync(found.ProviderType, message, updates, cancellationToken);
        return CallbackOutcome.Accepted;
    }

    private async Task ApplyAsync(string providerType, MessageId message, DeliveryUpdate[] updates, CancellationToken cancellationToken)
    {
        var wait = options.Value.Callbacks.EarlyReportWait;
        var giveUpAt = time.GetUtcNow() + wait;
        var delay = FirstRetryDelay;
        while (true)
        {
            var result = await store.ApplyDeliveryReportsAsync(updates, cancellationToken);
            if (result.Applied > 0)
            {
                instrumentation.DeliveryReports.Add(result.Applied);
                notifier.Pulse();
            }

            if (result.Unmatched == 0)
            {
                return;
            }

            var now = time.GetUtcNow();
            if (now >= giveUpAt)
            {
                logger.CallbackUnmatched(providerType, message, wait);
                return;
            }

            // Reports already applied come back as duplicates, so the whole callback is safe to apply again.
            await Task.Delay(Min(delay, giveUpAt - now), time, cancellationToken);
            delay = Min(delay * 2, LongestRetryDelay);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

using Microsoft.Extensions.Options;
using Rasan.Providers;

namespace Rasan.Development;

/// <summary>
/// A provider for demos and tests that sends nothing: it records each message in the <see cref="DevelopmentLedger"/>
/// and reports it Delivered <see cref="DevelopmentProviderOptions.DeliveryDelay"/> after sending. Numbers ending in
/// <c>0000</c> fail permanently; numbers ending in <c>0001</c> fail transiently on the first two attempts, then succeed.
/// </summary>
internal sealed class DevelopmentProvider(DevelopmentLedger ledger, IOptions<DevelopmentProviderOptions> options, TimeProvider time)
    : IMessageProvider, IDeliveryStatusPoller
{
    public const string ProviderType = "development";

    public ProviderDescriptor Descriptor { get; } = new()
    {
        Type = ProviderType,
        DisplayName = "Development (sends nothing)",
        Channel = Channel.Sms,
        MaxBatchSize = 1_000,
    };

    public int MaxPollBatchSize => 1_000;

    public TimeSpan FirstPollDelay => options.Value.DeliveryDelay;

    public Task<IReadOnlyList<SendOutcome>> SendAsync(
        ProviderContext context, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(messages);
        var now = time.GetUtcNow();
        ledger.Record(messages.Select(m => new DevelopmentDelivery(m.Id, m.Attempt, m.To, m.Text, context.Account.Name, now)).ToArray());
        IReadOnlyList<SendOutcome> outcomes = messages.Select(Decide).ToArray();
        return Task.FromResult(outcomes);
    }

    public Task<IReadOnlyList<DeliveryReport>> PollAsync(
        ProviderContext context, IReadOnlyList<SentMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = time.GetUtcNow();
        IReadOnlyList<DeliveryReport> reports = messages
            .Where(m => m.SentAt + options.Value.DeliveryDelay <= now)
            .Select(m => new DeliveryReport
            {
                MessageId = m.Id,
                ProviderMessageId = m.ProviderMessageId,
                State = DeliveryState.Delivered,
                ProviderStatus = "DELIVRD",
                At = now,
            })
            .ToArray();
        return Task.FromResult(reports);
    }

    private static SendOutcome Decide(OutgoingMessage message)
    {
        if (message.To.EndsWith("0000", StringComparison.Ordinal))
        {
            return SendOutcome.Permanent("invalid-number", "The development provider refuses numbers ending in 0000.");
        }

        if (message.To.EndsWith("0001", StringComparison.Ordinal) && message.Attempt <= 2)
        {
            return SendOutcome.Transient("busy", "The development provider is busy for numbers ending in 0001 on the first two attempts.");
        }

        return SendOutcome.Accepted("dev-" + message.Id);
    }
}

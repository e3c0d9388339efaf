using Rasan.Providers;

namespace Rasan.Testing;

/// <summary>
/// A provider that reports by callback, for the engine's callback tests: it accepts every message and records the
/// callback address it was given; its parser reads <c>state</c> (pending, delivered, failed) and <c>status</c>.
/// Accounts must have a non-empty <c>token</c> setting and a numeric sender. Reports are dated by <paramref name="time"/>.
/// </summary>
public sealed class CallbackTestProvider(TimeProvider time) : IMessageProvider, ICallbackParser, IAccountValidator
{
    public const string Type = "callback-test";

    private int _validations;

    /// <summary>The callback address each sent message was given (<see langword="null"/> when none).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<MessageId, Uri?> Addresses { get; } = [];

    public ProviderDescriptor Descriptor { get; } = new()
    {
        Type = Type,
        DisplayName = "Callback test",
        Channel = Channel.Sms,
        MaxBatchSize = 10,
        Fields = [new ProviderField("token", "Token", Required: true, Secret: true)],
    };

    public Task<IReadOnlyList<SendOutcome>> SendAsync(
        ProviderContext context, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            Addresses[message.Id] = context.CallbackUrl?.Invoke(message.Id);
        }

        return Task.FromResult<IReadOnlyList<SendOutcome>>([.. messages.Select(m => SendOutcome.Accepted("cb-" + m.Id))]);
    }

    public IReadOnlyList<DeliveryReport> Parse(CallbackPayload payload)
    {
        DeliveryState? state = payload.Query.GetValueOrDefault("state") switch
        {
            "pending" => DeliveryState.Pending,
            "delivered" => DeliveryState.Delivered,
            "failed" => DeliveryState.Failed,
            _ => null,
        };
        return state is { } s
            ? [new DeliveryReport { State = s, ProviderStatus = payload.Query.GetValueOrDefault("status"), At = time.GetUtcNow() }]
            : [];
    }

    /// <summary>How many times <see cref="Validate"/> ran.</summary>
    public int Validations => Volatile.Read(ref _validations);

    public void Validate(ProviderAccount account, ValidationErrors errors)
    {
        Interlocked.Increment(ref _validations);
        if (account.Settings.GetValueOrDefault("token") == "expired")
        {
            errors.Add("token", "The token has expired.");
        }

        if (account.Sender is { } sender && !sender.All(char.IsAsciiDigit))
        {
            errors.Add("sender", "The sender line must be digits.");
        }
    }
}

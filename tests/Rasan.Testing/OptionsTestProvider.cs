using System.Collections.Concurrent;
using Rasan.Providers;

namespace Rasan.Testing;

/// <summary>
/// A provider with per-message options, a send window and synchronous delivery outcomes, to test how the engine
/// handles each. Option <c>kind</c> is Plain or Premium; <c>reference</c> is letters and digits, required when the
/// account's setting <c>requireReference</c> is <c>true</c>. Premium messages may not go before <see cref="PremiumOpensAt"/>.
/// A message whose sender waits for its outcome is answered Delivered, after <see cref="Gate"/> opens.
/// </summary>
public sealed class OptionsTestProvider : IMessageProvider, IProviderOptionsValidator, ISendWindow
{
    public const string Type = "options-test";

    public ProviderDescriptor Descriptor { get; } = new()
    {
        Type = Type,
        DisplayName = "Options test",
        Channel = Channel.Sms,
        MaxBatchSize = 10,
        Fields = [new ProviderField("requireReference", "Require a reference")],
        Options =
        [
            new ProviderOption("kind", "Plain or paid content.") { AllowedValues = ["Plain", "Premium"] },
            new ProviderOption("reference", "The id of the message this one answers."),
        ],
    };

    public DateTimeOffset PremiumOpensAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Completed by default; a test replaces it to hold the calls a sender waits on.</summary>
    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();

    public void Validate(ProviderAccount account, IReadOnlyDictionary<string, string> options, DateTimeOffset now, ValidationErrors errors)
    {
        if (options.TryGetValue("reference", out var reference))
        {
            if (!reference.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add("reference", "A reference is letters and digits.");
            }
        }
        else if (account.Settings.GetValueOrDefault("requireReference") == "true")
        {
            errors.Add("reference", $"Account '{account.Name}' needs a reference on every message.");
        }
    }

    public DateTimeOffset? NotBefore(ProviderContext context, OutgoingMessage message, DateTimeOffset now)
        => message.ProviderOptions.GetValueOrDefault("kind") == "Premium" && now < PremiumOpensAt ? PremiumOpensAt : null;

    public async Task<IReadOnlyList<SendOutcome>> SendAsync(
        ProviderContext context, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Any(m => m.OutcomeAwaitedUntil is not null))
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        var outcomes = new List<SendOutcome>(messages.Count);
        foreach (var message in messages)
        {
            Sent.Enqueue(message);
            var accepted = SendOutcome.Accepted("opt-" + message.Id);
            outcomes.Add(message.OutcomeAwaitedUntil is null ? accepted : accepted.WithDelivery(DeliveryState.Delivered, "DELIVRD"));
        }

        return outcomes;
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}

namespace Rasan.Providers;

/// <summary>A message handed to a provider.</summary>
public sealed record OutgoingMessage
{
    /// <summary>The Rasan id: use it as the provider's local or idempotency id where it has one.</summary>
    public required MessageId Id { get; init; }

    /// <summary>The normalised recipient.</summary>
    public required string To { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The sender line, if the account has one.</summary>
    public string? Sender { get; init; }

    /// <summary>The priority.</summary>
    public MessagePriority Priority { get; init; } = MessagePriority.Normal;

    /// <summary>When it expires, if it does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Which attempt this is: 1 for the first.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>
    /// The provider-specific options the sender gave, checked against <see cref="ProviderDescriptor.Options"/> when the
    /// message was accepted; empty when none were given.
    /// </summary>
    public IReadOnlyDictionary<string, string> ProviderOptions { get; init; } = EmptyOptions;

    /// <summary>
    /// Until when the sending application waits for this message's first outcome (the send request's
    /// <c>waitSeconds</c>), or <see langword="null"/> when nobody waits. A provider that can learn the delivery
    /// outcome within its call may wait for it up to then and answer with <see cref="SendOutcome.WithDelivery"/>.
    /// </summary>
    public DateTimeOffset? OutcomeAwaitedUntil { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyOptions = new Dictionary<string, string>();
}

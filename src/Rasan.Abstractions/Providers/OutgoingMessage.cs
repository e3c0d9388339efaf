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
}

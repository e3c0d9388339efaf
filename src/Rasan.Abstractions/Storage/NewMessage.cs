namespace Rasan.Storage;

/// <summary>A validated message about to be stored by <see cref="IMessageStore.AcceptAsync"/>.</summary>
public sealed record NewMessage
{
    /// <summary>The id.</summary>
    public required MessageId Id { get; init; }

    /// <summary>The channel.</summary>
    public required Channel Channel { get; init; }

    /// <summary>The normalised recipient.</summary>
    public required string To { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The account it goes through.</summary>
    public required AccountId AccountId { get; init; }

    /// <summary>The account's name, kept for display and search.</summary>
    public required string AccountName { get; init; }

    /// <summary>The priority.</summary>
    public required MessagePriority Priority { get; init; }

    /// <summary><see cref="MessageStatus.Queued"/> or <see cref="MessageStatus.Scheduled"/>.</summary>
    public required MessageStatus Status { get; init; }

    /// <summary>The requested send time, if any.</summary>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>The expiry, if any.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When it may first be claimed.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Its tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The provider options given for the message; empty when none were.</summary>
    public IReadOnlyDictionary<string, string> ProviderOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Until when the sender waits for the message's first outcome, if it does.</summary>
    public DateTimeOffset? OutcomeAwaitedUntil { get; init; }
}

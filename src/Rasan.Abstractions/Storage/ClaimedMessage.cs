namespace Rasan.Storage;

/// <summary>A message leased to one dispatcher. Its status writes must carry <see cref="LeaseVersion"/>.</summary>
public sealed record ClaimedMessage
{
    /// <summary>The id.</summary>
    public required MessageId Id { get; init; }

    /// <summary>The service that sent it.</summary>
    public required ServiceId ServiceId { get; init; }

    /// <summary>The account it goes through.</summary>
    public required AccountId AccountId { get; init; }

    /// <summary>The normalised recipient.</summary>
    public required string To { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The priority.</summary>
    public required MessagePriority Priority { get; init; }

    /// <summary>The expiry, if any.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>How many provider attempts were made before this claim.</summary>
    public required int Attempts { get; init; }

    /// <summary>The lease's fencing token: increases with every claim of the message.</summary>
    public required long LeaseVersion { get; init; }

    /// <summary>The provider options given for the message; empty when none were.</summary>
    public IReadOnlyDictionary<string, string> ProviderOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Until when the sender waits for the message's first outcome, if it does.</summary>
    public DateTimeOffset? OutcomeAwaitedUntil { get; init; }
}

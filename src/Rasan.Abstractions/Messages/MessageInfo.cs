namespace Rasan;

/// <summary>A message as seen by the service that sent it.</summary>
public sealed record MessageInfo
{
    /// <summary>The message id.</summary>
    public required MessageId Id { get; init; }

    /// <summary>The request it belongs to.</summary>
    public required RequestId RequestId { get; init; }

    /// <summary>The channel.</summary>
    public required Channel Channel { get; init; }

    /// <summary>The normalised recipient.</summary>
    public required string To { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The name of the provider account it goes through.</summary>
    public required string Account { get; init; }

    /// <summary>The dispatch priority.</summary>
    public required MessagePriority Priority { get; init; }

    /// <summary>The current status.</summary>
    public required MessageStatus Status { get; init; }

    /// <summary>When it was accepted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it is due, if it was scheduled.</summary>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>When it expires, if it has an expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Its tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The provider options given for the message; empty when none were.</summary>
    public IReadOnlyDictionary<string, string> ProviderOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>How many times it was handed to a provider.</summary>
    public int Attempts { get; init; }

    /// <summary>The provider's id for it, once sent.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The provider's error code of the last failure.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The provider's error text of the last failure.</summary>
    public string? ErrorText { get; init; }

    /// <summary>When its status last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Its history, oldest first. Empty in search results.</summary>
    public IReadOnlyList<MessageEvent> Events { get; init; } = [];
}

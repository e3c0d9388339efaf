namespace Rasan;

/// <summary>One message of a batch <see cref="SendRequest"/>. Unset options fall back to the request's.</summary>
public sealed class MessageDraft
{
    /// <summary>The recipient.</summary>
    public string? To { get; init; }

    /// <summary>The text.</summary>
    public string? Text { get; init; }

    /// <summary>The channel, overriding the request's.</summary>
    public string? Channel { get; init; }

    /// <summary>The provider account name, overriding the request's.</summary>
    public string? Account { get; init; }

    /// <summary>The priority, overriding the request's.</summary>
    public MessagePriority? Priority { get; init; }

    /// <summary>The send time, overriding the request's.</summary>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>The expiry, overriding the request's.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Tags, overriding the request's.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Provider options, each overriding the request's option of the same name.</summary>
    public IReadOnlyDictionary<string, string>? ProviderOptions { get; init; }
}

namespace Rasan;

/// <summary>
/// What an application asks Rasan to send. Two shapes, as in the HTTP API: a broadcast (<see cref="To"/> and
/// <see cref="Text"/>: one text to one or many recipients) or a batch (<see cref="Messages"/>: different texts).
/// The remaining properties apply to every message; a batch item may override them.
/// </summary>
public sealed class SendRequest
{
    /// <summary>Broadcast shape: the recipients (phone numbers in any common local or international form).</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>Broadcast shape: the text sent to every recipient.</summary>
    public string? Text { get; init; }

    /// <summary>Batch shape: the messages, each with its own recipient and text.</summary>
    public IReadOnlyList<MessageDraft>? Messages { get; init; }

    /// <summary>The channel; the default is <see cref="Channel.Sms"/>.</summary>
    public string? Channel { get; init; }

    /// <summary>The name of the provider account to send through; the default is the service's account for the channel.</summary>
    public string? Account { get; init; }

    /// <summary>The dispatch priority; the default is <see cref="MessagePriority.Normal"/>.</summary>
    public MessagePriority? Priority { get; init; }

    /// <summary>When to send; absent or past means now.</summary>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>After this time an unsent message becomes Expired instead of being sent late.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Free-form labels for search and reporting.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>
    /// The client's idempotency key: a repeat with the same body returns the first receipt, a repeat with another
    /// body is rejected.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// Options of the account's provider, such as FanapPlus's <c>messageType</c>; each provider documents its own
    /// (<see cref="Providers.ProviderDescriptor.Options"/>). An option the provider does not have is rejected.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ProviderOptions { get; init; }

    /// <summary>
    /// How long the caller waits for the messages' first outcome (the HTTP API's <c>waitSeconds</c>); a provider that
    /// can learn the delivery outcome within its call waits for it up to then. Not part of the idempotency check.
    /// </summary>
    public TimeSpan? AwaitOutcomeFor { get; init; }
}

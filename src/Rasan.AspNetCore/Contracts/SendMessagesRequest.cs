namespace Rasan.AspNetCore.Contracts;

/// <summary>
/// The body of <c>POST /api/v1/messages</c>: a broadcast (<c>to</c> and <c>text</c>) or a batch (<c>messages</c>).
/// The other fields apply to every message; a batch item may override them. Unknown fields are rejected.
/// </summary>
internal sealed class SendMessagesRequest
{
    /// <summary>Broadcast: the recipients, such as "+989121234567" or "09121234567".</summary>
    public IReadOnlyList<string>? To { get; set; }

    /// <summary>Broadcast: the text sent to every recipient.</summary>
    public string? Text { get; set; }

    /// <summary>Batch: the messages, each with its own recipient and text.</summary>
    public IReadOnlyList<SendMessageItem>? Messages { get; set; }

    /// <summary>The channel; "sms" by default.</summary>
    public string? Channel { get; set; }

    /// <summary>The name of the provider account to send through; the service's account for the channel by default.</summary>
    public string? Account { get; set; }

    /// <summary>"high", "normal" (the default) or "low".</summary>
    public string? Priority { get; set; }

    /// <summary>When to send (ISO 8601 with an offset); absent or past means now.</summary>
    public DateTimeOffset? SendAt { get; set; }

    /// <summary>After this time (ISO 8601 with an offset) an unsent message expires instead of being sent late.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Free-form labels for search.</summary>
    public IReadOnlyList<string>? Tags { get; set; }

    /// <summary>Seconds (0 to 20) to wait for every message's first outcome before answering; 0 by default.</summary>
    public int? WaitSeconds { get; set; }

    /// <summary>
    /// Options of the account's provider, such as FanapPlus's "messageType"; the providers this hub has list theirs in
    /// the API document. An option the account's provider does not have is rejected.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ProviderOptions { get; set; }

    /// <summary>Maps the body to the engine's request.</summary>
    public SendRequest ToSendRequest(string? idempotencyKey) => new()
    {
        To = To,
        Text = Text,
        Messages = Messages?.Select(m => m.ToDraft()).ToArray(),
        Channel = Channel,
        Account = Account,
        Priority = PriorityNames.Parse(Priority),
        SendAt = SendAt,
        ExpiresAt = ExpiresAt,
        Tags = Tags,
        IdempotencyKey = idempotencyKey,
        ProviderOptions = ProviderOptions,
        AwaitOutcomeFor = WaitSeconds is > 0 ? TimeSpan.FromSeconds(WaitSeconds.Value) : null,
    };
}

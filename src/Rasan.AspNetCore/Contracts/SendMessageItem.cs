namespace Rasan.AspNetCore.Contracts;

/// <summary>One message of a batch send. Unset fields fall back to the request's.</summary>
internal sealed class SendMessageItem
{
    /// <summary>The recipient.</summary>
    public string? To { get; set; }

    /// <summary>The text.</summary>
    public string? Text { get; set; }

    /// <summary>The channel.</summary>
    public string? Channel { get; set; }

    /// <summary>The provider account name.</summary>
    public string? Account { get; set; }

    /// <summary>"high", "normal" or "low".</summary>
    public string? Priority { get; set; }

    /// <summary>When to send (ISO 8601 with an offset).</summary>
    public DateTimeOffset? SendAt { get; set; }

    /// <summary>When it expires (ISO 8601 with an offset).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Free-form labels for search.</summary>
    public IReadOnlyList<string>? Tags { get; set; }

    /// <summary>Options of the account's provider, each overriding the request's option of the same name.</summary>
    public IReadOnlyDictionary<string, string>? ProviderOptions { get; set; }

    /// <summary>Maps the item to the engine's draft.</summary>
    public MessageDraft ToDraft() => new()
    {
        To = To,
        Text = Text,
        Channel = Channel,
        Account = Account,
        Priority = PriorityNames.Parse(Priority),
        SendAt = SendAt,
        ExpiresAt = ExpiresAt,
        Tags = Tags,
        ProviderOptions = ProviderOptions,
    };
}

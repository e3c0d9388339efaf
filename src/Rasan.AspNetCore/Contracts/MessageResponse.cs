using System.Text.Json.Serialization;

namespace Rasan.AspNetCore.Contracts;

/// <summary>A message as the API shows it.</summary>
internal sealed class MessageResponse
{
    /// <summary>The message id.</summary>
    public required string Id { get; init; }

    /// <summary>The request it belongs to.</summary>
    public required string RequestId { get; init; }

    /// <summary>The normalised recipient.</summary>
    public required string To { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The channel, such as "sms".</summary>
    public required string Channel { get; init; }

    /// <summary>The provider account name.</summary>
    public required string Account { get; init; }

    /// <summary>"high", "normal" or "low".</summary>
    public required string Priority { get; init; }

    /// <summary>The status: queued, scheduled, sending, sent, delivered, failed, expired or cancelled.</summary>
    public required string Status { get; init; }

    /// <summary>When it was accepted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its status last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it is due, if it was scheduled.</summary>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>When it expires, if it has an expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Its tags.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The provider options given for it; left out when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? ProviderOptions { get; init; }

    /// <summary>How many times it was handed to a provider.</summary>
    public int Attempts { get; init; }

    /// <summary>The provider's id for it, once sent.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The provider's error of the last failure, or null.</summary>
    public MessageErrorResponse? Error { get; init; }

    /// <summary>Its history, oldest first; only on <c>GET /api/v1/messages/{id}</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MessageEventResponse>? Events { get; init; }

    public static MessageResponse From(MessageInfo message, bool withEvents) => new()
    {
        Id = message.Id.ToString(),
        RequestId = message.RequestId.ToString(),
        To = message.To,
        Text = message.Text,
        Channel = message.Channel.Name,
        Account = message.Account,
        Priority = message.Priority.ToWireName(),
        Status = message.Status.ToWireName(),
        CreatedAt = message.CreatedAt,
        UpdatedAt = message.UpdatedAt,
        SendAt = message.SendAt,
        ExpiresAt = message.ExpiresAt,
        Tags = message.Tags,
        ProviderOptions = message.ProviderOptions.Count == 0 ? null : message.ProviderOptions,
        Attempts = message.Attempts,
        ProviderMessageId = message.ProviderMessageId,
        Error = message.ErrorCode is null && message.ErrorText is null
            ? null
            : new MessageErrorResponse { Code = message.ErrorCode, Text = message.ErrorText },
        Events = withEvents ? message.Events.Select(MessageEventResponse.From).ToArray() : null,
    };
}

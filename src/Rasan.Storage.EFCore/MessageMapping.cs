using Rasan.Storage.EFCore.Entities;

namespace Rasan.Storage.EFCore;

/// <summary>Maps message rows to the model.</summary>
internal static class MessageMapping
{
    public const string AcceptedDetail = "accepted";

    public static MessageInfo ToInfo(MessageEntity m, IReadOnlyList<MessageEvent> events) => new()
    {
        Id = new MessageId(m.Id),
        RequestId = new RequestId(m.RequestId),
        Channel = new Channel(m.Channel),
        To = m.Recipient,
        Text = m.Body,
        Account = m.AccountName,
        Priority = (MessagePriority)m.Priority,
        Status = (MessageStatus)m.Status,
        CreatedAt = StoreTime.FromTicks(m.CreatedAt),
        SendAt = StoreTime.FromTicks(m.SendAt),
        ExpiresAt = StoreTime.FromTicks(m.ExpiresAt),
        Tags = TagList.Decode(m.Tags),
        ProviderOptions = StringMap.Decode(m.ProviderOptions),
        Attempts = m.Attempts,
        ProviderMessageId = m.ProviderMessageId,
        ErrorCode = m.ErrorCode,
        ErrorText = m.ErrorText,
        UpdatedAt = StoreTime.FromTicks(m.UpdatedAt),
        Events = events,
    };

    /// <summary>The first history entry, synthesised from the row: accept writes no event row.</summary>
    public static MessageEvent AcceptedEvent(MessageEntity m)
        => new((MessageStatus)m.InitialStatus, StoreTime.FromTicks(m.CreatedAt), AcceptedDetail);

    public static MessageEvent ToEvent(MessageEventEntity e)
        => new((MessageStatus)e.Status, StoreTime.FromTicks(e.At), e.Detail);
}

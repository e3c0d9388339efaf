using Rasan.Storage;

namespace Rasan.InMemory;

/// <summary>The mutable state of one message held by <see cref="InMemoryMessageStore"/>; guarded by the store's lock.</summary>
internal sealed class InMemoryMessage
{
    public InMemoryMessage(NewRequest request, NewMessage message)
    {
        Id = message.Id;
        RequestId = request.Id;
        ServiceId = request.ServiceId;
        Channel = message.Channel;
        To = message.To;
        Text = message.Text;
        AccountId = message.AccountId;
        AccountName = message.AccountName;
        Priority = message.Priority;
        Status = message.Status;
        InitialStatus = message.Status;
        CreatedAt = request.CreatedAt;
        SendAt = message.SendAt;
        ExpiresAt = message.ExpiresAt;
        DueAt = message.DueAt;
        Tags = [.. message.Tags];
        ProviderOptions = message.ProviderOptions;
        OutcomeAwaitedUntil = message.OutcomeAwaitedUntil;
        UpdatedAt = request.CreatedAt;
        Events.Add(new MessageEvent(message.Status, request.CreatedAt, "accepted"));
    }

    public MessageId Id { get; }

    public RequestId RequestId { get; }

    public ServiceId ServiceId { get; }

    public Channel Channel { get; }

    public string To { get; }

    public string Text { get; }

    public AccountId AccountId { get; }

    public string AccountName { get; }

    public MessagePriority Priority { get; }

    public MessageStatus Status { get; set; }

    public MessageStatus InitialStatus { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? SendAt { get; }

    public DateTimeOffset? ExpiresAt { get; }

    public DateTimeOffset DueAt { get; set; }

    public IReadOnlyList<string> Tags { get; }

    public IReadOnlyDictionary<string, string> ProviderOptions { get; }

    public DateTimeOffset? OutcomeAwaitedUntil { get; }

    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public long LeaseVersion { get; set; }

    public string? ProviderMessageId { get; set; }

    public decimal? Cost { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorText { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? NextPollAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<MessageEvent> Events { get; } = [];

    public HashSet<string> ReportedStates { get; } = new(StringComparer.Ordinal);

    public bool IsClaimable(DateTimeOffset now)
        => (Status is MessageStatus.Queued or MessageStatus.Scheduled && DueAt <= now)
            || (Status == MessageStatus.Sending && LeaseUntil <= now);

    public MessageReceipt ToAcceptedReceipt() => new(Id, To, InitialStatus);

    public MessageInfo ToInfo(bool withEvents) => new()
    {
        Id = Id,
        RequestId = RequestId,
        Channel = Channel,
        To = To,
        Text = Text,
        Account = AccountName,
        Priority = Priority,
        Status = Status,
        CreatedAt = CreatedAt,
        SendAt = SendAt,
        ExpiresAt = ExpiresAt,
        Tags = Tags,
        ProviderOptions = ProviderOptions,
        Attempts = Attempts,
        ProviderMessageId = ProviderMessageId,
        ErrorCode = ErrorCode,
        ErrorText = ErrorText,
        UpdatedAt = UpdatedAt,
        Events = withEvents ? [.. Events] : [],
    };

    public ClaimedMessage ToClaimed() => new()
    {
        Id = Id,
        ServiceId = ServiceId,
        AccountId = AccountId,
        To = To,
        Text = Text,
        Priority = Priority,
        ExpiresAt = ExpiresAt,
        Attempts = Attempts,
        LeaseVersion = LeaseVersion,
        ProviderOptions = ProviderOptions,
        OutcomeAwaitedUntil = OutcomeAwaitedUntil,
    };
}

namespace Rasan.Storage.EFCore.Entities;

/// <summary>A row of <c>messages</c>. Times are UTC ticks so that they compare and sort alike on every database.</summary>
internal sealed class MessageEntity
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public Guid ServiceId { get; set; }

    /// <summary>The position in its request.</summary>
    public int Seq { get; set; }

    public string Channel { get; set; } = "";

    public string Recipient { get; set; } = "";

    public string Body { get; set; } = "";

    public Guid AccountId { get; set; }

    public string AccountName { get; set; } = "";

    public int Priority { get; set; }

    public int Status { get; set; }

    /// <summary>The status it was accepted with: Queued or Scheduled.</summary>
    public int InitialStatus { get; set; }

    public long CreatedAt { get; set; }

    public long? SendAt { get; set; }

    public long? ExpiresAt { get; set; }

    public long DueAt { get; set; }

    /// <summary>The provider options as a JSON object; null when there are none.</summary>
    public string? ProviderOptions { get; set; }

    /// <summary>Until when (ticks) the sender waits for the first outcome; null when nobody waits.</summary>
    public long? OutcomeAwaitedUntil { get; set; }

    /// <summary>The tags as <c>|a|b|</c>, so a tag filter is <c>Contains("|a|")</c>; <see langword="null"/> when none.</summary>
    public string? Tags { get; set; }

    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public long? LeaseUntil { get; set; }

    public long LeaseVersion { get; set; }

    public string? ProviderMessageId { get; set; }

    public decimal? Cost { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorText { get; set; }

    public long? SentAt { get; set; }

    public long? NextPollAt { get; set; }

    public long UpdatedAt { get; set; }

    public RequestEntity? Request { get; set; }

    public List<MessageEventEntity> Events { get; set; } = [];
}

namespace Rasan.Storage.EFCore.Entities;

/// <summary>
/// A row of <c>message_events</c>: one history entry after acceptance (the "accepted" entry is synthesised from the
/// message row, which keeps accept cheap).
/// </summary>
internal sealed class MessageEventEntity
{
    public long Id { get; set; }

    public Guid MessageId { get; set; }

    public int Status { get; set; }

    public long At { get; set; }

    public string? Detail { get; set; }

    /// <summary>Whether it records a delivery report (its detail is then the provider's status).</summary>
    public bool IsReport { get; set; }
}

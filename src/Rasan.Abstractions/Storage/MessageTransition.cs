namespace Rasan.Storage;

/// <summary>
/// A dispatcher's status write for a claimed message. It applies only while the writer still holds the lease
/// (<see cref="Owner"/> and <see cref="LeaseVersion"/> match), and it ends the lease.
/// </summary>
public sealed record MessageTransition
{
    /// <summary>The message.</summary>
    public required MessageId Id { get; init; }

    /// <summary>The lease owner writing.</summary>
    public required string Owner { get; init; }

    /// <summary>The lease version from the claim.</summary>
    public required long LeaseVersion { get; init; }

    /// <summary>
    /// The new status: Sent, Failed or Expired; Queued to try again at <see cref="DueAt"/>.
    /// </summary>
    public required MessageStatus Status { get; init; }

    /// <summary>When it happened; the time of the event.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>For Queued: when to try again; for Scheduled (held by the provider's send window): when it may go.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Whether a provider call was made for it (counts an attempt).</summary>
    public bool Attempted { get; init; }

    /// <summary>The provider's id for the message, when sent.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The provider's cost, when it said.</summary>
    public decimal? Cost { get; init; }

    /// <summary>The provider's error code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The provider's error text.</summary>
    public string? ErrorText { get; init; }

    /// <summary>For Sent: when to first ask the provider for a delivery report; <see langword="null"/> when it cannot be asked.</summary>
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>The history entry's detail; <see langword="null"/> writes no history entry (a deferral).</summary>
    public string? Detail { get; init; }

    /// <summary>Whether to add a history entry.</summary>
    public bool RecordEvent { get; init; } = true;
}

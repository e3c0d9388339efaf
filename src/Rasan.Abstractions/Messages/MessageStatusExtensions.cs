namespace Rasan;

/// <summary>Helpers for <see cref="MessageStatus"/>.</summary>
public static class MessageStatusExtensions
{
    /// <summary>Tells whether a status is final: no later change is accepted.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for Delivered, Failed, Expired and Cancelled.</returns>
    public static bool IsTerminal(this MessageStatus status)
        => status is MessageStatus.Delivered or MessageStatus.Failed or MessageStatus.Expired or MessageStatus.Cancelled;

    /// <summary>Tells whether a message in this status has a first outcome from its provider (or a final one).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for Sent and every terminal status.</returns>
    public static bool HasOutcome(this MessageStatus status) => status == MessageStatus.Sent || status.IsTerminal();

    /// <summary>The lower-case name used on the wire ("queued", "delivered", ...).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The wire name.</returns>
    public static string ToWireName(this MessageStatus status) => status switch
    {
        MessageStatus.Queued => "queued",
        MessageStatus.Scheduled => "scheduled",
        MessageStatus.Sending => "sending",
        MessageStatus.Sent => "sent",
        MessageStatus.Delivered => "delivered",
        MessageStatus.Failed => "failed",
        MessageStatus.Expired => "expired",
        MessageStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

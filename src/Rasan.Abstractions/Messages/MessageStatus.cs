namespace Rasan;

/// <summary>Where a message is in its life.</summary>
public enum MessageStatus
{
    /// <summary>Accepted and durable; waiting to be dispatched.</summary>
    Queued = 0,

    /// <summary>Accepted with a future send time; dispatched when due.</summary>
    Scheduled = 1,

    /// <summary>Claimed by a dispatcher and being handed to its provider.</summary>
    Sending = 2,

    /// <summary>The provider accepted it; a delivery report may follow.</summary>
    Sent = 3,

    /// <summary>The provider reported it delivered to the recipient. Terminal.</summary>
    Delivered = 4,

    /// <summary>It could not be sent or delivered. Terminal.</summary>
    Failed = 5,

    /// <summary>Its expiry passed before it could be sent or delivered. Terminal.</summary>
    Expired = 6,

    /// <summary>Cancelled before it was sent. Terminal.</summary>
    Cancelled = 7,
}

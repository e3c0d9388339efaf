namespace Rasan;

/// <summary>Orders dispatch: higher priorities are claimed first.</summary>
public enum MessagePriority
{
    /// <summary>Bulk and marketing traffic.</summary>
    Low = 0,

    /// <summary>The default.</summary>
    Normal = 1,

    /// <summary>One-time codes and alerts.</summary>
    High = 2,
}

namespace Rasan;

/// <summary>The outcome of a cancel.</summary>
public enum CancelResult
{
    /// <summary>The message is now Cancelled.</summary>
    Cancelled = 0,

    /// <summary>No such message in this service.</summary>
    NotFound = 1,

    /// <summary>The message was already handed to its provider or is final.</summary>
    TooLate = 2,
}

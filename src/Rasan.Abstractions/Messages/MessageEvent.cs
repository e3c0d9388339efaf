namespace Rasan;

/// <summary>One entry of a message's history: a status change, a retry, a delivery report.</summary>
/// <param name="Status">The status after the event.</param>
/// <param name="At">When it happened.</param>
/// <param name="Detail">What happened, such as the provider's code and text; never a secret.</param>
public sealed record MessageEvent(MessageStatus Status, DateTimeOffset At, string? Detail);

namespace Rasan;

/// <summary>One accepted message in a <see cref="SendReceipt"/>.</summary>
/// <param name="Id">The message id.</param>
/// <param name="To">The normalised recipient (E.164 for phone numbers).</param>
/// <param name="Status">The status at the time of the answer.</param>
public sealed record MessageReceipt(MessageId Id, string To, MessageStatus Status);

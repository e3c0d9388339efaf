namespace Rasan;

/// <summary>One page of a message search.</summary>
/// <param name="Items">The messages, newest first.</param>
/// <param name="Next">Where the next page starts, or <see langword="null"/> on the last page.</param>
public sealed record MessagePage(IReadOnlyList<MessageInfo> Items, MessageId? Next);

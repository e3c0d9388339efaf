namespace Rasan.Providers.FanapPlus.Json;

/// <summary>
/// The body of <c>message/post</c> (providers/fanapplus.md §2–3). Root-level Sid, MessageType, ChannelType, Priority,
/// Content and ExpirationTime are set only in the broadcast and batch shapes; <c>SyncDeliveryTimeout</c> (milliseconds,
/// as a string like the guide's example) only when someone waits for the outcome; absent values are not written.
/// </summary>
internal sealed class FanapPlusRequest
{
    public required string Uid { get; init; }

    public required string Date { get; init; }

    public string? AppId { get; init; }

    public string? Sid { get; init; }

    public string? MessageType { get; init; }

    public string? ChannelType { get; init; }

    public string? Priority { get; init; }

    public string? Content { get; init; }

    public string? ExpirationTime { get; init; }

    public string? SyncDeliveryTimeout { get; init; }

    public required IReadOnlyList<FanapPlusRequestMessage> Messages { get; init; }
}

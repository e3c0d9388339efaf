namespace Rasan;

/// <summary>A message search: every set filter must match. Results are newest first.</summary>
public sealed record MessageQuery
{
    /// <summary>The largest page size; larger limits are clamped to it.</summary>
    public const int MaxLimit = 500;

    /// <summary>The recipient, in any form the send API accepts.</summary>
    public string? To { get; init; }

    /// <summary>The status.</summary>
    public MessageStatus? Status { get; init; }

    /// <summary>A tag the message carries.</summary>
    public string? Tag { get; init; }

    /// <summary>Text the message contains (case-sensitive substring).</summary>
    public string? Text { get; init; }

    /// <summary>Accepted at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Accepted before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>The page size, 1 to <see cref="MaxLimit"/>; the default is 50.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Continue after this message (the last id of the previous page).</summary>
    public MessageId? After { get; init; }
}

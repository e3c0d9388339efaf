namespace Rasan.AspNetCore.Contracts;

/// <summary>One page of a message search.</summary>
internal sealed class MessagePageResponse
{
    /// <summary>The messages, newest first, without their histories.</summary>
    public required IReadOnlyList<MessageResponse> Items { get; init; }

    /// <summary>The cursor of the next page, or null on the last page.</summary>
    public string? Next { get; init; }
}

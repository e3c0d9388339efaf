namespace Rasan.AspNetCore.Contracts;

/// <summary>One entry of a message's history.</summary>
internal sealed class MessageEventResponse
{
    /// <summary>The status after the event.</summary>
    public required string Status { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>What happened, such as the provider's code and text.</summary>
    public string? Detail { get; init; }

    public static MessageEventResponse From(MessageEvent @event) => new()
    {
        Status = @event.Status.ToWireName(),
        Time = @event.At,
        Detail = @event.Detail,
    };
}

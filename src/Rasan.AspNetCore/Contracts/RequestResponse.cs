namespace Rasan.AspNetCore.Contracts;

/// <summary>A send request and the current status of its messages.</summary>
internal sealed class RequestResponse
{
    /// <summary>The request id.</summary>
    public required string RequestId { get; init; }

    /// <summary>When it was accepted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The client's idempotency key, if it gave one.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Its messages, in request order, without their histories.</summary>
    public required IReadOnlyList<MessageResponse> Messages { get; init; }

    public static RequestResponse From(RequestInfo request) => new()
    {
        RequestId = request.Id.ToString(),
        CreatedAt = request.CreatedAt,
        IdempotencyKey = request.IdempotencyKey,
        Messages = request.Messages.Select(m => MessageResponse.From(m, withEvents: false)).ToArray(),
    };
}

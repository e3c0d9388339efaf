namespace Rasan;

/// <summary>A send request and the current status of its messages.</summary>
/// <param name="Id">The request id.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="IdempotencyKey">The client's idempotency key, if it gave one.</param>
/// <param name="Messages">Its messages, in request order, without their histories.</param>
public sealed record RequestInfo(RequestId Id, DateTimeOffset CreatedAt, string? IdempotencyKey, IReadOnlyList<MessageInfo> Messages);

namespace Rasan;

/// <summary>The answer to an accepted <see cref="SendRequest"/>: everything in it is durable.</summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="Messages">One entry per message, in request order.</param>
/// <param name="Replayed"><see langword="true"/> when this is the stored answer to an earlier request with the same idempotency key.</param>
public sealed record SendReceipt(RequestId RequestId, IReadOnlyList<MessageReceipt> Messages, bool Replayed = false);

namespace Rasan.Storage;

/// <summary>The outcome of storing one <see cref="NewRequest"/>.</summary>
/// <param name="Existing">
/// <see langword="null"/> when the request was stored; otherwise the earlier request with the same service and
/// idempotency key, and nothing of the new one was stored.
/// </param>
public sealed record AcceptResult(StoredRequest? Existing)
{
    /// <summary>The request was stored.</summary>
    public static AcceptResult Stored { get; } = new((StoredRequest?)null);
}

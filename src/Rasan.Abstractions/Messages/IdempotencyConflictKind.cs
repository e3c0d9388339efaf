namespace Rasan;

/// <summary>Why an idempotency key could not be honoured.</summary>
public enum IdempotencyConflictKind
{
    /// <summary>The first request with this key is still being accepted (HTTP 409).</summary>
    InFlight = 0,

    /// <summary>The key was used with a different body (HTTP 422).</summary>
    DifferentBody = 1,
}

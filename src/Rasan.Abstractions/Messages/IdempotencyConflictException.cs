namespace Rasan;

/// <summary>An idempotency key could not be honoured. Nothing was stored.</summary>
public sealed class IdempotencyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The key.</param>
    /// <param name="kind">Why it conflicts.</param>
    public IdempotencyConflictException(string key, IdempotencyConflictKind kind)
        : base(kind == IdempotencyConflictKind.InFlight
            ? $"A request with idempotency key '{key}' is still being accepted; retry shortly."
            : $"Idempotency key '{key}' was already used with a different request body.")
    {
        Key = key;
        Kind = kind;
    }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>Why it conflicts.</summary>
    public IdempotencyConflictKind Kind { get; }
}

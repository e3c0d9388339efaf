namespace Rasan.Storage;

/// <summary>A validated request about to be stored: the request row and all its messages, or nothing.</summary>
public sealed record NewRequest
{
    /// <summary>The id.</summary>
    public required RequestId Id { get; init; }

    /// <summary>The service sending.</summary>
    public required ServiceId ServiceId { get; init; }

    /// <summary>When it was accepted; also the time of each message's first event.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The client's idempotency key: unique per service.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>A hash of the request body, compared when the key is reused.</summary>
    public byte[]? Fingerprint { get; init; }

    /// <summary>The messages, in request order.</summary>
    public required IReadOnlyList<NewMessage> Messages { get; init; }
}

namespace Rasan.Storage;

/// <summary>What a dispatcher asks for when it claims messages.</summary>
public sealed record ClaimOptions
{
    /// <summary>Who claims: a unique id per dispatcher instance.</summary>
    public required string Owner { get; init; }

    /// <summary>The current time: messages due at or before it are claimable, and so are leases that ended by it.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>How long the lease lasts.</summary>
    public required TimeSpan LeaseDuration { get; init; }

    /// <summary>The most messages to claim.</summary>
    public required int Limit { get; init; }
}

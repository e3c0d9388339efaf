namespace Rasan.Auditing;

/// <summary>A search of one service's API calls, newest first, one page at a time.</summary>
public sealed record ApiCallQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Calls at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Calls before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only calls answered with this status.</summary>
    public int? Status { get; init; }

    /// <summary>Only calls of this route template.</summary>
    public string? Route { get; init; }

    /// <summary>The page size, 1 to <see cref="MaxLimit"/>; 50 by default.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The <see cref="ApiCallPage.Next"/> of the previous page.</summary>
    public Guid? After { get; init; }
}

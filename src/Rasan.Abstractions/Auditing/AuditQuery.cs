namespace Rasan.Auditing;

/// <summary>A search of the audit log, newest first, one page at a time.</summary>
public sealed record AuditQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Also the hub-wide entries (no service), for administrators.</summary>
    public bool IncludeHubWide { get; init; }

    /// <summary>Entries at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only this kind of object.</summary>
    public string? Entity { get; init; }

    /// <summary>Only this action.</summary>
    public string? Action { get; init; }

    /// <summary>The page size, 1 to <see cref="MaxLimit"/>; 50 by default.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The <see cref="AuditPage.Next"/> of the previous page.</summary>
    public Guid? After { get; init; }
}

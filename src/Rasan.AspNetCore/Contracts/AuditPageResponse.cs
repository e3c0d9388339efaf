namespace Rasan.AspNetCore.Contracts;

/// <summary>A page of the audit log, newest first.</summary>
internal sealed class AuditPageResponse
{
    /// <summary>The entries.</summary>
    public required IReadOnlyList<AuditEntryResponse> Items { get; init; }

    /// <summary>The cursor of the next page, or null on the last one.</summary>
    public string? Next { get; init; }
}

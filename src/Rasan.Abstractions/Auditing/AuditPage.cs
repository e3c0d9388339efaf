namespace Rasan.Auditing;

/// <summary>A page of audit entries, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="Next">Where the next page starts, or <see langword="null"/> on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, Guid? Next);

namespace Rasan.Auditing;

/// <summary>Where the audit log is kept: append-only for the application, pruned only by retention.</summary>
public interface IAuditStore
{
    /// <summary>Adds entries, in one write.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>Searches one service's entries (and the hub-wide ones when asked), newest first.</summary>
    /// <param name="service">The service.</param>
    /// <param name="query">The filters and page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<AuditPage> SearchAsync(ServiceId service, AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the entries older than a time (retention).</summary>
    /// <param name="before">The oldest time kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

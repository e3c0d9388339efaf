using Rasan.Auditing;

namespace Rasan.InMemory;

/// <summary>The audit log in memory, for tests and demos: lost when the process ends.</summary>
internal sealed class InMemoryAuditStore : IAuditStore
{
    private readonly InMemoryLog<AuditEntry> _entries = new(e => e.Id, e => e.At);

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries.Append(entries);
        return Task.CompletedTask;
    }

    public Task<AuditPage> SearchAsync(ServiceId service, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (items, next) = _entries.Page(
            e => (e.ServiceId == service || (query.IncludeHubWide && e.ServiceId is null))
                && (query.Entity is not { } entity || e.Entity == entity)
                && (query.Action is not { } action || e.Action == action),
            query.After,
            query.From,
            query.To,
            query.Limit,
            AuditQuery.MaxLimit);
        return Task.FromResult(new AuditPage(items, next));
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
        => Task.FromResult(_entries.DeleteBefore(before));
}

using Rasan.Auditing;

namespace Rasan.InMemory;

/// <summary>The audit log in memory, for tests and demos: lost when the process ends.</summary>
internal sealed class InMemoryAuditStore : IAuditStore
{
    private readonly Lock _lock = new();
    // Appended as they come (nearly in id order); searches, which are rare, sort. An append must stay O(1): one
    // comes with every API call.
    private readonly List<AuditEntry> _entries = [];

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_lock)
        {
            _entries.AddRange(entries);
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> SearchAsync(ServiceId service, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit);
        lock (_lock)
        {
            var page = _entries
                .Where(e => (e.ServiceId == service || (query.IncludeHubWide && e.ServiceId is null))
                    && (query.After is not { } after || e.Id.CompareTo(after) < 0)
                    && (query.From is not { } from || e.At >= from)
                    && (query.To is not { } to || e.At < to)
                    && (query.Entity is not { } entity || e.Entity == entity)
                    && (query.Action is not { } action || e.Action == action))
                .OrderByDescending(x => x.Id)
                .Take(limit + 1)
                .ToList();
            var next = page.Count > limit ? page[limit - 1].Id : (Guid?)null;
            return Task.FromResult(new AuditPage([.. page.Take(limit)], next));
        }
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_entries.RemoveAll(e => e.At < before));
        }
    }
}

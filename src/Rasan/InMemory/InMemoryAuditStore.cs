using Rasan.Auditing;

namespace Rasan.InMemory;

/// <summary>The audit log in memory, for tests and demos: lost when the process ends.</summary>
internal sealed class InMemoryAuditStore : IAuditStore
{
    private readonly Lock _lock = new();
    private readonly SortedList<Guid, AuditEntry> _entries = new(Comparer<Guid>.Create((a, b) => b.CompareTo(a)));

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                _entries[entry.Id] = entry;
            }
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> SearchAsync(ServiceId service, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit);
        lock (_lock)
        {
            var page = _entries.Values
                .Where(e => (e.ServiceId == service || (query.IncludeHubWide && e.ServiceId is null))
                    && (query.After is not { } after || e.Id.CompareTo(after) < 0)
                    && (query.From is not { } from || e.At >= from)
                    && (query.To is not { } to || e.At < to)
                    && (query.Entity is not { } entity || e.Entity == entity)
                    && (query.Action is not { } action || e.Action == action))
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
            var old = _entries.Values.Where(e => e.At < before).Select(e => e.Id).ToList();
            foreach (var id in old)
            {
                _entries.Remove(id);
            }

            return Task.FromResult(old.Count);
        }
    }
}

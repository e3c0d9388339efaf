namespace Rasan.InMemory;

/// <summary>
/// An append-only log in memory (API calls, audit entries): appended in O(1) as entries come (nearly in id order),
/// searched newest first by the time-ordered id, one page at a time. Searches, which are rare, sort.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
internal sealed class InMemoryLog<T>(Func<T, Guid> idOf, Func<T, DateTimeOffset> timeOf)
{
    private readonly Lock _lock = new();
    private readonly List<T> _entries = [];

    public void Append(IEnumerable<T> entries)
    {
        lock (_lock)
        {
            _entries.AddRange(entries);
        }
    }

    /// <summary>One page, newest first, of the entries that match, and where the next starts.</summary>
    public (IReadOnlyList<T> Items, Guid? Next) Page(
        Func<T, bool> matches, Guid? after, DateTimeOffset? from, DateTimeOffset? to, int limit, int maxLimit)
    {
        var size = Math.Clamp(limit, 1, maxLimit);
        lock (_lock)
        {
            var page = _entries
                .Where(e => matches(e)
                    && (after is not { } last || idOf(e).CompareTo(last) < 0)
                    && (from is not { } start || timeOf(e) >= start)
                    && (to is not { } end || timeOf(e) < end))
                .OrderByDescending(idOf)
                .Take(size + 1)
                .ToList();
            return page.Count > size ? (page[..size], idOf(page[size - 1])) : (page, null);
        }
    }

    public int DeleteBefore(DateTimeOffset before)
    {
        lock (_lock)
        {
            return _entries.RemoveAll(e => timeOf(e) < before);
        }
    }
}

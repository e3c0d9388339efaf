using Microsoft.EntityFrameworkCore;
using Rasan.Storage.EFCore.Entities;

namespace Rasan.Storage.EFCore;

/// <summary>Searches of the append-only logs: a time window, keyset paging newest first by the time-ordered id.</summary>
internal static class LogPaging
{
    public static IQueryable<T> Window<T>(IQueryable<T> rows, Guid? after, DateTimeOffset? from, DateTimeOffset? to)
        where T : class, ILogRow
    {
        if (after is { } last)
        {
            rows = rows.Where(r => r.Id.CompareTo(last) < 0);
        }

        if (from is { } start)
        {
            var ticks = StoreTime.ToTicks(start);
            rows = rows.Where(r => r.At >= ticks);
        }

        if (to is { } end)
        {
            var ticks = StoreTime.ToTicks(end);
            rows = rows.Where(r => r.At < ticks);
        }

        return rows;
    }

    /// <summary>One page, newest first, and where the next starts (<see langword="null"/> on the last page).</summary>
    public static async Task<(IReadOnlyList<T> Rows, Guid? Next)> PageAsync<T>(IQueryable<T> rows, int limit, int maxLimit, CancellationToken cancellationToken)
        where T : class, ILogRow
    {
        var size = Math.Clamp(limit, 1, maxLimit);
        var page = await rows.OrderByDescending(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
        return page.Count > size ? (page[..size], page[size - 1].Id) : (page, null);
    }

    /// <summary>Deletes the rows older than <paramref name="before"/>.</summary>
    public static Task<int> DeleteBeforeAsync<T>(IQueryable<T> rows, DateTimeOffset before, CancellationToken cancellationToken)
        where T : class, ILogRow
    {
        var ticks = StoreTime.ToTicks(before);
        return rows.Where(r => r.At < ticks).ExecuteDeleteAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Rasan.Auditing;
using Rasan.Storage.EFCore.Entities;

namespace Rasan.Storage.EFCore;

/// <summary>The <see cref="IAuditStore"/> over EF Core: table <c>audit_entries</c>, newest first by its time-ordered id.</summary>
internal sealed class EfAuditStore(IDbContextFactory<RasanDbContext> contextFactory, IRasanSqlDialect dialect, StoreWriteGate writeGate) : IAuditStore
{
    private static readonly string[] Columns =
        ["id", "at", "actor", "service_id", "entity", "entity_id", "action", "before", "after", "correlation_id"];

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = entries.Select(e => new object?[]
        {
            dialect.IdValue(e.Id), StoreTime.ToTicks(e.At), e.Actor, e.ServiceId is { } service ? dialect.IdValue(service.Value) : null,
            e.Entity, e.EntityId, e.Action, e.Before, e.After, e.CorrelationId,
        }).ToList();
        using var pass = await writeGate.EnterAsync(cancellationToken);
        await LogRowWriter.InsertAsync(db, dialect, "audit_entries", Columns, rows, cancellationToken);
    }

    public async Task<AuditPage> SearchAsync(ServiceId service, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = query.IncludeHubWide
            ? db.AuditEntries.AsNoTracking().Where(e => e.ServiceId == service.Value || e.ServiceId == null)
            : db.AuditEntries.AsNoTracking().Where(e => e.ServiceId == service.Value);
        if (query.After is { } after)
        {
            entries = entries.Where(e => e.Id.CompareTo(after) < 0);
        }

        if (query.From is { } from)
        {
            var ticks = StoreTime.ToTicks(from);
            entries = entries.Where(e => e.At >= ticks);
        }

        if (query.To is { } to)
        {
            var ticks = StoreTime.ToTicks(to);
            entries = entries.Where(e => e.At < ticks);
        }

        if (query.Entity is { } entity)
        {
            entries = entries.Where(e => e.Entity == entity);
        }

        if (query.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        var rows = await entries.OrderByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = rows.Count > limit ? rows[limit - 1].Id : (Guid?)null;
        return new AuditPage([.. rows.Take(limit).Select(ToEntry)], next);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var ticks = StoreTime.ToTicks(before);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.Where(e => e.At < ticks).ExecuteDeleteAsync(cancellationToken);
    }

    private static AuditEntry ToEntry(AuditEntryEntity row) => new()
    {
        Id = row.Id,
        At = StoreTime.FromTicks(row.At),
        Actor = row.Actor,
        ServiceId = row.ServiceId is { } id ? new ServiceId(id) : null,
        Entity = row.Entity,
        EntityId = row.EntityId,
        Action = row.Action,
        Before = row.Before,
        After = row.After,
        CorrelationId = row.CorrelationId,
    };
}

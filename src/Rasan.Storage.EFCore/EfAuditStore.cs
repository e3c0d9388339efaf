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
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var visible = query.IncludeHubWide
            ? db.AuditEntries.AsNoTracking().Where(e => e.ServiceId == service.Value || e.ServiceId == null)
            : db.AuditEntries.AsNoTracking().Where(e => e.ServiceId == service.Value);
        var rows = LogPaging.Window(visible, query.After, query.From, query.To);
        if (query.Entity is { } entity)
        {
            rows = rows.Where(e => e.Entity == entity);
        }

        if (query.Action is { } action)
        {
            rows = rows.Where(e => e.Action == action);
        }

        var (page, next) = await LogPaging.PageAsync(rows, query.Limit, AuditQuery.MaxLimit, cancellationToken);
        return new AuditPage([.. page.Select(ToEntry)], next);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await LogPaging.DeleteBeforeAsync(db.AuditEntries, before, cancellationToken);
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

using Microsoft.EntityFrameworkCore;
using Rasan.Auditing;
using Rasan.Storage.EFCore.Entities;

namespace Rasan.Storage.EFCore;

/// <summary>The <see cref="IApiCallStore"/> over EF Core: table <c>api_calls</c>, newest first by its time-ordered id.</summary>
internal sealed class EfApiCallStore(IDbContextFactory<RasanDbContext> contextFactory, IRasanSqlDialect dialect, StoreWriteGate writeGate) : IApiCallStore
{
    private static readonly string[] Columns =
        ["id", "at", "method", "route", "status", "duration_ms", "service_id", "token_prefix", "client_ip", "request_id"];

    public async Task AppendAsync(IReadOnlyList<ApiCall> calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = calls.Select(c => new object?[]
        {
            dialect.IdValue(c.Id), StoreTime.ToTicks(c.At), c.Method, c.Route, c.Status, c.DurationMs,
            c.ServiceId is { } service ? dialect.IdValue(service.Value) : null, c.TokenPrefix, c.ClientIp, c.RequestId,
        }).ToList();
        using var pass = await writeGate.EnterAsync(cancellationToken);
        await LogRowWriter.InsertAsync(db, dialect, "api_calls", Columns, rows, cancellationToken);
    }

    public async Task<ApiCallPage> SearchAsync(ServiceId service, ApiCallQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = LogPaging.Window(db.ApiCalls.AsNoTracking().Where(c => c.ServiceId == service.Value), query.After, query.From, query.To);
        if (query.Status is { } status)
        {
            rows = rows.Where(c => c.Status == status);
        }

        if (query.Route is { } route)
        {
            rows = rows.Where(c => c.Route == route);
        }

        var (page, next) = await LogPaging.PageAsync(rows, query.Limit, ApiCallQuery.MaxLimit, cancellationToken);
        return new ApiCallPage([.. page.Select(ToCall)], next);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await LogPaging.DeleteBeforeAsync(db.ApiCalls, before, cancellationToken);
    }

    private static ApiCall ToCall(ApiCallEntity row) => new()
    {
        Id = row.Id,
        At = StoreTime.FromTicks(row.At),
        Method = row.Method,
        Route = row.Route,
        Status = row.Status,
        DurationMs = row.DurationMs,
        ServiceId = row.ServiceId is { } id ? new ServiceId(id) : null,
        TokenPrefix = row.TokenPrefix,
        ClientIp = row.ClientIp,
        RequestId = row.RequestId,
    };
}

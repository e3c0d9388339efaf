using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Rasan.Storage.EFCore;

/// <summary>
/// A context with its connection open and the dialect's inserts prepared, for accepting requests. The store keeps one
/// between group commits so a commit pays for neither opening a connection nor preparing statements.
/// </summary>
internal sealed class AcceptSession : IDisposable, IAsyncDisposable
{
    /// <summary>Shorter than the connection pools' idle lifetimes (Npgsql's is 300 s) and than most network idle timeouts.</summary>
    private const long IdleLimitMilliseconds = 60_000;

    private long _lastUsed = Environment.TickCount64;

    private AcceptSession(RasanDbContext context, IRequestInserter inserter)
    {
        Context = context;
        Inserter = inserter;
    }

    public RasanDbContext Context { get; }

    public DbConnection Connection => Context.Database.GetDbConnection();

    public IRequestInserter Inserter { get; }

    /// <summary>Whether the session has been unused for so long that its connection may have been dropped.</summary>
    public bool IdleTooLong => Environment.TickCount64 - _lastUsed > IdleLimitMilliseconds;

    public void MarkUsed() => _lastUsed = Environment.TickCount64;

    public static async Task<AcceptSession> OpenAsync(
        IDbContextFactory<RasanDbContext> contextFactory, IRasanSqlDialect dialect, CancellationToken cancellationToken)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
            return new AcceptSession(context, dialect.CreateInserter(context.Database.GetDbConnection()));
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        Inserter.Dispose();
        Context.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Inserter.Dispose();
        await Context.DisposeAsync();
    }
}

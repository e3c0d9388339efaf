using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Rasan.Storage.EFCore;

/// <summary>
/// A context with its connection open and the dialect's inserts prepared, for accepting requests. The store keeps one
/// between group commits so a commit pays for neither opening a connection nor preparing statements.
/// </summary>
internal sealed class AcceptSession : IDisposable, IAsyncDisposable
{
    private AcceptSession(RasanDbContext context, IRequestInserter inserter)
    {
        Context = context;
        Inserter = inserter;
    }

    public RasanDbContext Context { get; }

    public DbConnection Connection => Context.Database.GetDbConnection();

    public IRequestInserter Inserter { get; }

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

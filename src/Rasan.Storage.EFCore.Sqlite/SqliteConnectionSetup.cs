using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rasan.Storage.EFCore.Sqlite;

/// <summary>
/// Sets SQLite's pragmas on every connection Rasan opens: <c>journal_mode=WAL</c> (persistent, so set once per
/// process), <c>synchronous=NORMAL</c> and <c>busy_timeout</c>.
/// </summary>
/// <remarks>
/// With WAL, <c>synchronous=NORMAL</c> keeps every committed transaction across a crash of the process (the
/// operating system still has the write); only a power loss or kernel crash may lose the last transactions before
/// a checkpoint. That is the usual trade for an embedded store; a host that needs more uses PostgreSQL.
/// </remarks>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 30_000;

    private const string EveryConnection = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
    private const string FirstConnection = "PRAGMA journal_mode=WAL; " + EveryConnection;

    private int _walSet;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = NextPragmas();
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = NextPragmas();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string NextPragmas() => Interlocked.Exchange(ref _walSet, 1) == 0 ? FirstConnection : EveryConnection;
}

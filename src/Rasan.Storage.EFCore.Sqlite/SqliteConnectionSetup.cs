using System.Data.Common;
using Microsoft.Data.Sqlite;
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
    private const string EveryConnection = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";
    private const string FirstConnection = EveryConnection + " PRAGMA journal_mode=WAL;";

    /// <summary>
    /// Tries while another process holds the file (busy, locked) or is turning a new file to WAL (read-only until it
    /// is done): two hosts starting on one new database meet exactly there.
    /// </summary>
    private const int Attempts = 40;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    private int _walSet;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        var pragmas = NextPragmas();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = pragmas;
                command.ExecuteNonQuery();
                return;
            }
            catch (SqliteException exception) when (IsTransient(exception) && attempt < Attempts)
            {
                Thread.Sleep(RetryDelay);
            }
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var pragmas = NextPragmas();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            catch (SqliteException exception) when (IsTransient(exception) && attempt < Attempts)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private static bool IsTransient(SqliteException exception)
        => exception.SqliteErrorCode is 5 /* BUSY */ or 6 /* LOCKED */ or 8 /* READONLY */;

    private string NextPragmas() => Interlocked.Exchange(ref _walSet, 1) == 0 ? FirstConnection : EveryConnection;
}

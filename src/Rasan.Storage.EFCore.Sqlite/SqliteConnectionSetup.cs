using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Rasan.Storage.EFCore.Sqlite;

/// <summary>
/// Sets SQLite's pragmas on every native connection Rasan opens (once: pooled connections keep them):
/// <c>journal_mode=WAL</c> (persistent, so set once per process), <c>synchronous=NORMAL</c> and <c>busy_timeout</c>.
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

    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();
    private int _walSet;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection, out var pragmas))
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = pragmas;
                command.ExecuteNonQuery();
                MarkConfigured(connection, pragmas);
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
        if (IsConfigured(connection, out var pragmas))
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                MarkConfigured(connection, pragmas);
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

    /// <summary>
    /// Whether this native connection already has its pragmas: Microsoft.Data.Sqlite pools native connections, and
    /// the settings stay with them, so a connection taken from the pool needs nothing.
    /// </summary>
    private bool IsConfigured(DbConnection connection, out string pragmas)
    {
        pragmas = Volatile.Read(ref _walSet) == 0 ? FirstConnection : EveryConnection;
        return _configured.TryGetValue(Handle(connection), out _);
    }

    private void MarkConfigured(DbConnection connection, string pragmas)
    {
        _configured.AddOrUpdate(Handle(connection), pragmas);
        if (ReferenceEquals(pragmas, FirstConnection))
        {
            // WAL is a property of the file: once one connection has set it, later ones need not.
            Volatile.Write(ref _walSet, 1);
        }
    }

    private static sqlite3 Handle(DbConnection connection)
        => ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
}

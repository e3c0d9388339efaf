using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rasan.Storage.EFCore.Sqlite;

/// <summary>
/// SQLite's hot SQL: inserts prepared once on the connection kept for accepting (<see cref="SqliteRequestInserter"/>),
/// and a claim that is one <c>UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING …</c> inside <c>BEGIN IMMEDIATE</c>. Ids are bound as
/// EF Core stores them (<see cref="SqliteIdText"/>).
/// </summary>
internal sealed class SqliteRasanSqlDialect : IRasanSqlDialect
{
    private const string ClaimSql =
        """
        UPDATE messages
        SET status = 2, lease_owner = $owner, lease_until = $until, lease_version = lease_version + 1, updated_at = $now
        WHERE id IN (
            SELECT id FROM (
                SELECT id, priority, due_at FROM (
                    SELECT id, priority, due_at FROM messages INDEXED BY ix_messages_claimable
                    WHERE status IN (0, 1) AND due_at <= $now
                    ORDER BY priority DESC, due_at
                    LIMIT $limit)
                UNION ALL
                SELECT id, priority, due_at FROM (
                    SELECT id, priority, due_at FROM messages INDEXED BY ix_messages_leased
                    WHERE status = 2 AND lease_until <= $now
                    LIMIT $limit))
            ORDER BY priority DESC, due_at
            LIMIT $limit)
        RETURNING id, service_id, account_id, recipient, body, priority, expires_at, attempts, lease_version, due_at,
            provider_options, outcome_awaited_until
        """;

    public System.Data.DbType IdType => System.Data.DbType.String;

    public bool HasSingleWriter => true;

    /// <remarks>Runs synchronously: SQLite has no asynchronous I/O.</remarks>
    public Task InsertRowsAsync(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken)
    {
        SqliteRowInserter.Insert((SqliteConnection)connection, table, columns, rows);
        return Task.CompletedTask;
    }

    public Task<int> CompleteAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
        => TransitionWriter.WriteAllAsync(connection, transaction, this, transitions, cancellationToken);

    public object IdValue(Guid id) => SqliteIdText.From(id);

    public IRequestInserter CreateInserter(DbConnection connection) => new SqliteRequestInserter((SqliteConnection)connection);

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(RasanDbContext context, ClaimOptions options, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken); // BEGIN IMMEDIATE
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
        command.CommandText = ClaimSql;
        var now = StoreTime.ToTicks(options.Now);
        command.Parameters.AddWithValue("$owner", options.Owner);
        command.Parameters.AddWithValue("$until", StoreTime.ToTicks(options.Now + options.LeaseDuration));
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$limit", options.Limit);
        List<ClaimedRow> rows;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            rows = await ClaimedRow.ReadAllAsync(reader, options.Limit, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ClaimedRow.InClaimOrder(rows);
    }

    /// <remarks>
    /// Never on SQLite: the look-up and the insert run in one <c>BEGIN IMMEDIATE</c> transaction, which no other writer
    /// (thread or process) can interleave, so no other accept can take a key in between.
    /// </remarks>
    public bool IsIdempotencyKeyTaken(DbException exception) => false;
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Rasan.Storage.EFCore.PostgreSql;

/// <summary>
/// PostgreSQL's hot SQL: a group commit inserts with <see cref="PostgreSqlRequestInserter"/>; a claim is one <c>WITH … FOR UPDATE SKIP LOCKED</c> update, so hosts sharing the
/// database never claim the same message.
/// </summary>
internal sealed class PostgreSqlRasanSqlDialect : IRasanSqlDialect
{
    private const string ClaimSql =
        """
        WITH due AS (
            SELECT id, priority, due_at FROM messages
            WHERE status IN (0, 1) AND due_at <= @now
            ORDER BY priority DESC, due_at
            LIMIT @limit
            FOR UPDATE SKIP LOCKED),
        lapsed AS (
            SELECT id, priority, due_at FROM messages
            WHERE status = 2 AND lease_until <= @now
            LIMIT @limit
            FOR UPDATE SKIP LOCKED),
        c AS (
            SELECT id FROM (SELECT * FROM due UNION ALL SELECT * FROM lapsed) AS both_kinds
            ORDER BY priority DESC, due_at
            LIMIT @limit)
        UPDATE messages AS m
        SET status = 2, lease_owner = @owner, lease_until = @until, lease_version = m.lease_version + 1, updated_at = @now
        FROM c
        WHERE m.id = c.id
        RETURNING m.id, m.service_id, m.account_id, m.recipient, m.body, m.priority, m.expires_at, m.attempts, m.lease_version, m.due_at,
            m.provider_options, m.outcome_awaited_until
        """;

    private const string CompleteSql =
        """
        UPDATE messages AS m SET
            status = t.status, lease_owner = NULL, lease_until = NULL, next_poll_at = t.next_poll_at, updated_at = t.at,
            due_at = COALESCE(t.due_at, m.due_at), sent_at = COALESCE(t.sent_at, m.sent_at), attempts = m.attempts + t.attempted,
            provider_message_id = COALESCE(t.provider_id, m.provider_message_id), cost = COALESCE(t.cost, m.cost),
            error_code = CASE WHEN t.status = 3 THEN NULL ELSE COALESCE(t.error_code, m.error_code) END,
            error_text = CASE WHEN t.status = 3 THEN NULL ELSE COALESCE(t.error_text, m.error_text) END
        FROM unnest(@id, @owner, @version, @status, @at, @due_at, @sent_at, @attempted, @provider_id, @cost, @error_code,
            @error_text, @next_poll_at)
            AS t(id, owner, version, status, at, due_at, sent_at, attempted, provider_id, cost, error_code, error_text, next_poll_at)
        WHERE m.id = t.id AND m.lease_owner = t.owner AND m.lease_version = t.version AND m.status = 2
        RETURNING m.id
        """;

    private const string InsertEventsSql =
        """
        INSERT INTO message_events (message_id, status, at, detail, is_report)
        SELECT id, status, at, detail, false FROM unnest(@id, @status, @at, @detail) AS t(id, status, at, detail)
        """;

    public async Task<int> CompleteAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
    {
        var applied = new HashSet<Guid>(transitions.Count);
        await using (var update = new NpgsqlCommand(CompleteSql, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction))
        {
            AddTransitionColumns(update.Parameters, transitions);
            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetGuid(0));
            }
        }

        var events = transitions.Where(t => t.RecordEvent && applied.Contains(t.Id.Value)).ToArray();
        if (events.Length > 0)
        {
            await using var insert = new NpgsqlCommand(InsertEventsSql, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            insert.Parameters.Add(Array("id", NpgsqlDbType.Uuid, events.Select(t => t.Id.Value).ToArray()));
            insert.Parameters.Add(Array("status", NpgsqlDbType.Integer, events.Select(t => (int)t.Status).ToArray()));
            insert.Parameters.Add(Array("at", NpgsqlDbType.Bigint, events.Select(t => StoreTime.ToTicks(t.At)).ToArray()));
            insert.Parameters.Add(Array("detail", NpgsqlDbType.Text, events.Select(t => t.Detail).ToArray()));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return applied.Count;
    }

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(RasanDbContext context, ClaimOptions options, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(ClaimSql, (NpgsqlConnection)context.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter<string>("owner", options.Owner));
            command.Parameters.Add(new NpgsqlParameter<long>("until", StoreTime.ToTicks(options.Now + options.LeaseDuration)));
            command.Parameters.Add(new NpgsqlParameter<long>("now", StoreTime.ToTicks(options.Now)));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", options.Limit));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return ClaimedRow.InClaimOrder(await ClaimedRow.ReadAllAsync(reader, options.Limit, cancellationToken));
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    public IRequestInserter CreateInserter(DbConnection connection) => new PostgreSqlRequestInserter((NpgsqlConnection)connection);

    public System.Data.DbType IdType => System.Data.DbType.Guid;

    public bool HasSingleWriter => false;

    public Task InsertRowsAsync(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken)
        => MultiRowInsert.InsertAsync(connection, transaction, table, columns, rows, cancellationToken);

    public object IdValue(Guid id) => id;

    public bool IsIdempotencyKeyTaken(DbException exception)
        => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: RasanModel.IdempotencyKeyIndex };

    internal static NpgsqlParameter Array(string name, NpgsqlDbType type, object values)
        => new(name, NpgsqlDbType.Array | type) { Value = values };

    /// <summary>Adds one array per transition column, for the set-based fenced update.</summary>
    private static void AddTransitionColumns(NpgsqlParameterCollection parameters, IReadOnlyList<MessageTransition> t)
    {
        parameters.Add(Array("id", NpgsqlDbType.Uuid, t.Select(x => x.Id.Value).ToArray()));
        parameters.Add(Array("owner", NpgsqlDbType.Text, t.Select(x => x.Owner).ToArray()));
        parameters.Add(Array("version", NpgsqlDbType.Bigint, t.Select(x => x.LeaseVersion).ToArray()));
        parameters.Add(Array("status", NpgsqlDbType.Integer, t.Select(x => (int)x.Status).ToArray()));
        parameters.Add(Array("at", NpgsqlDbType.Bigint, t.Select(x => StoreTime.ToTicks(x.At)).ToArray()));
        parameters.Add(Array("due_at", NpgsqlDbType.Bigint, t.Select(StoreCommands.DueTicks).ToArray()));
        parameters.Add(Array("sent_at", NpgsqlDbType.Bigint, t.Select(x => x.Status == MessageStatus.Sent ? (long?)StoreTime.ToTicks(x.At) : null).ToArray()));
        parameters.Add(Array("attempted", NpgsqlDbType.Integer, t.Select(x => x.Attempted ? 1 : 0).ToArray()));
        parameters.Add(Array("provider_id", NpgsqlDbType.Text, t.Select(x => x.ProviderMessageId).ToArray()));
        parameters.Add(Array("cost", NpgsqlDbType.Numeric, t.Select(x => x.Cost).ToArray()));
        parameters.Add(Array("error_code", NpgsqlDbType.Text, t.Select(x => x.ErrorCode).ToArray()));
        parameters.Add(Array("error_text", NpgsqlDbType.Text, t.Select(x => x.ErrorText).ToArray()));
        parameters.Add(Array("next_poll_at", NpgsqlDbType.Bigint, t.Select(x => x.Status == MessageStatus.Sent ? StoreTime.ToTicks(x.NextPollAt) : null).ToArray()));
    }
}

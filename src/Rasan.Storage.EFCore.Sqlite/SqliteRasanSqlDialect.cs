using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rasan.Storage.EFCore.Sqlite;

/// <summary>
/// SQLite's hot SQL: prepared inserts reused for every row of a group commit, and a claim that is one
/// <c>UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING …</c> inside <c>BEGIN IMMEDIATE</c>. Ids are bound as
/// upper-case TEXT, exactly as EF Core stores them, so text order is time order for version-7 ids.
/// </summary>
internal sealed class SqliteRasanSqlDialect : IRasanSqlDialect
{
    private const string InsertRequestSql =
        "INSERT INTO requests (id, service_id, created_at, idempotency_key, fingerprint) VALUES ($id, $service_id, $created_at, $key, $fingerprint)";

    private const string InsertMessageSql =
        """
        INSERT INTO messages (id, request_id, service_id, seq, channel, recipient, body, account_id, account_name, priority,
            status, initial_status, created_at, send_at, expires_at, due_at, tags, attempts, lease_version, updated_at)
        VALUES ($id, $request_id, $service_id, $seq, $channel, $recipient, $body, $account_id, $account_name, $priority,
            $status, $status, $created_at, $send_at, $expires_at, $due_at, $tags, 0, 0, $created_at)
        """;

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
        RETURNING id, service_id, account_id, recipient, body, priority, expires_at, attempts, lease_version, due_at
        """;

    public System.Data.DbType IdType => System.Data.DbType.String;

    public Task<int> CompleteAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
        => TransitionWriter.WriteAllAsync(connection, transaction, this, transitions, cancellationToken);

    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    public object IdValue(Guid id) => Text(id);

    public async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        await using var insertRequest = Prepare(sqlite, transaction, InsertRequestSql, "$id", "$service_id", "$created_at", "$key", "$fingerprint");
        await using var insertMessage = Prepare(
            sqlite, transaction, InsertMessageSql, "$id", "$request_id", "$service_id", "$seq", "$channel", "$recipient", "$body",
            "$account_id", "$account_name", "$priority", "$status", "$created_at", "$send_at", "$expires_at", "$due_at", "$tags");
        var rp = insertRequest.Parameters;
        var mp = insertMessage.Parameters;
        foreach (var request in requests)
        {
            var requestId = Text(request.Id.Value);
            var serviceId = Text(request.ServiceId.Value);
            var createdAt = StoreTime.ToTicks(request.CreatedAt);
            rp[0].Value = requestId;
            rp[1].Value = serviceId;
            rp[2].Value = createdAt;
            rp[3].Value = (object?)request.IdempotencyKey ?? DBNull.Value;
            rp[4].Value = (object?)request.Fingerprint ?? DBNull.Value;
            await insertRequest.ExecuteNonQueryAsync(cancellationToken);
            for (var seq = 0; seq < request.Messages.Count; seq++)
            {
                var m = request.Messages[seq];
                mp[0].Value = Text(m.Id.Value);
                mp[1].Value = requestId;
                mp[2].Value = serviceId;
                mp[3].Value = seq;
                mp[4].Value = m.Channel.Name;
                mp[5].Value = m.To;
                mp[6].Value = m.Text;
                mp[7].Value = Text(m.AccountId.Value);
                mp[8].Value = m.AccountName;
                mp[9].Value = (int)m.Priority;
                mp[10].Value = (int)m.Status;
                mp[11].Value = createdAt;
                mp[12].Value = (object?)StoreTime.ToTicks(m.SendAt) ?? DBNull.Value;
                mp[13].Value = (object?)StoreTime.ToTicks(m.ExpiresAt) ?? DBNull.Value;
                mp[14].Value = StoreTime.ToTicks(m.DueAt);
                mp[15].Value = (object?)TagList.Encode(m.Tags) ?? DBNull.Value;
                await insertMessage.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

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

    public bool IsUniqueViolation(DbException exception)
        => exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    private static SqliteCommand Prepare(SqliteConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}

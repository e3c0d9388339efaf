using Microsoft.Data.Sqlite;
using Rasan.Storage;
using Rasan.Storage.EFCore;
using Rasan.Storage.EFCore.Sqlite;

namespace Rasan.Benchmarks;

/// <summary>
/// Not the shipped store: the same fenced Sent writes as <see cref="IMessageStore.CompleteAsync"/> (status, lease
/// cleared, attempt counted, provider id, next poll, one history row each), as one prepared UPDATE and one prepared
/// INSERT reused for every row of the batch in one transaction, the way the SQLite store's accept path already
/// inserts. It shows how fast the store's complete could be on this machine.
/// </summary>
internal sealed class PreparedSqliteComplete(string connectionString)
{
    private const string UpdateSql =
        """
        UPDATE messages
        SET status = $status, lease_owner = NULL, lease_until = NULL, next_poll_at = $next_poll_at, updated_at = $at,
            sent_at = $at, attempts = attempts + 1, provider_message_id = $provider_id
        WHERE id = $id AND lease_owner = $owner AND lease_version = $lease_version AND status = 2
        """;

    private const string InsertEventSql =
        "INSERT INTO message_events (message_id, status, at, detail, is_report) VALUES ($id, $status, $at, $detail, 0)";

    public async Task<int> CompleteAsync(IReadOnlyList<MessageTransition> transitions)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
            await pragmas.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var update = Prepare(connection, transaction, UpdateSql, "$status", "$next_poll_at", "$at", "$provider_id", "$id", "$owner", "$lease_version");
        await using var insert = Prepare(connection, transaction, InsertEventSql, "$id", "$status", "$at", "$detail");
        var applied = 0;
        foreach (var t in transitions)
        {
            var id = SqliteRasanSqlDialect.Text(t.Id.Value);
            var at = StoreTime.ToTicks(t.At);
            update.Parameters[0].Value = (int)t.Status;
            update.Parameters[1].Value = (object?)StoreTime.ToTicks(t.NextPollAt) ?? DBNull.Value;
            update.Parameters[2].Value = at;
            update.Parameters[3].Value = (object?)t.ProviderMessageId ?? DBNull.Value;
            update.Parameters[4].Value = id;
            update.Parameters[5].Value = t.Owner;
            update.Parameters[6].Value = t.LeaseVersion;
            if (await update.ExecuteNonQueryAsync() == 0)
            {
                continue;
            }

            applied++;
            insert.Parameters[0].Value = id;
            insert.Parameters[1].Value = (int)t.Status;
            insert.Parameters[2].Value = at;
            insert.Parameters[3].Value = (object?)t.Detail ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return applied;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}

using System.Data;
using System.Data.Common;

namespace Rasan.Storage.EFCore;

/// <summary>
/// Writes dispatcher transitions with two prepared statements reused for every row of a batch: the fenced update
/// (it applies only while the writer holds the lease) and, when it applied, the history row. Cheap where statements
/// run in process (SQLite); a database across a network does better with one set-based statement per batch.
/// </summary>
internal sealed class TransitionWriter : IAsyncDisposable
{
    private const string UpdateSql =
        """
        UPDATE messages SET
            status = @status, lease_owner = NULL, lease_until = NULL, next_poll_at = @next_poll_at, updated_at = @at,
            due_at = COALESCE(@due_at, due_at), sent_at = COALESCE(@sent_at, sent_at), attempts = attempts + @attempted,
            provider_message_id = COALESCE(@provider_id, provider_message_id), cost = COALESCE(@cost, cost),
            error_code = CASE WHEN @status = 3 THEN NULL ELSE COALESCE(@error_code, error_code) END,
            error_text = CASE WHEN @status = 3 THEN NULL ELSE COALESCE(@error_text, error_text) END
        WHERE id = @id AND lease_owner = @owner AND lease_version = @version AND status = 2
        """;

    private readonly DbCommand _update;
    private readonly DbCommand _insertEvent;
    private readonly IRasanSqlDialect _dialect;

    public TransitionWriter(DbConnection connection, DbTransaction transaction, IRasanSqlDialect dialect)
    {
        _dialect = dialect;
        _update = StoreCommands.Prepare(
            connection,
            transaction,
            UpdateSql,
            ("status", DbType.Int32), ("next_poll_at", DbType.Int64), ("at", DbType.Int64), ("due_at", DbType.Int64),
            ("sent_at", DbType.Int64), ("attempted", DbType.Int32), ("provider_id", DbType.String), ("cost", DbType.Decimal),
            ("error_code", DbType.String), ("error_text", DbType.String), ("id", dialect.IdType), ("owner", DbType.String),
            ("version", DbType.Int64));
        _insertEvent = StoreCommands.Prepare(connection, transaction, StoreCommands.InsertEvent, StoreCommands.InsertEventParameters(dialect));
    }

    /// <summary>Applies every transition in the open transaction, one prepared update (and history row) each.</summary>
    /// <returns>How many applied.</returns>
    public static async Task<int> WriteAllAsync(
        DbConnection connection, DbTransaction transaction, IRasanSqlDialect dialect, IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
    {
        var applied = 0;
        await using var writer = new TransitionWriter(connection, transaction, dialect);
        foreach (var transition in transitions)
        {
            if (await writer.WriteAsync(transition, cancellationToken))
            {
                applied++;
            }
        }

        return applied;
    }

    /// <summary>Applies one transition.</summary>
    /// <returns>Whether it applied (the writer still held the lease).</returns>
    public async Task<bool> WriteAsync(MessageTransition transition, CancellationToken cancellationToken)
    {
        var at = StoreTime.ToTicks(transition.At);
        var sent = transition.Status == MessageStatus.Sent;
        var p = _update.Parameters;
        p[0].Value = (int)transition.Status;
        p[1].Value = StoreCommands.Nullable(sent ? StoreTime.ToTicks(transition.NextPollAt) : null);
        p[2].Value = at;
        p[3].Value = StoreCommands.Nullable(StoreCommands.DueTicks(transition));
        p[4].Value = StoreCommands.Nullable(sent ? at : (long?)null);
        p[5].Value = transition.Attempted ? 1 : 0;
        p[6].Value = StoreCommands.Nullable(transition.ProviderMessageId);
        p[7].Value = StoreCommands.Nullable(transition.Cost);
        p[8].Value = StoreCommands.Nullable(transition.ErrorCode);
        p[9].Value = StoreCommands.Nullable(transition.ErrorText);
        p[10].Value = _dialect.IdValue(transition.Id.Value);
        p[11].Value = transition.Owner;
        p[12].Value = transition.LeaseVersion;
        if (await _update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        if (transition.RecordEvent)
        {
            await StoreCommands.InsertEventAsync(
                _insertEvent, _dialect.IdValue(transition.Id.Value), transition.Status, at, transition.Detail, isReport: false, cancellationToken);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _update.DisposeAsync();
        await _insertEvent.DisposeAsync();
    }
}

using System.Data;
using System.Data.Common;

namespace Rasan.Storage.EFCore;

/// <summary>
/// Prepared statements shared by the write paths that run per row in a batch. Plain SQL with <c>@name</c>
/// parameters, which SQLite and PostgreSQL both read.
/// </summary>
internal static class StoreCommands
{
    public const string InsertEvent =
        "INSERT INTO message_events (message_id, status, at, detail, is_report) VALUES (@id, @status, @at, @detail, @is_report)";

    /// <summary>The parameters of <see cref="InsertEvent"/>, in order.</summary>
    public static (string Name, DbType Type)[] InsertEventParameters(IRasanSqlDialect dialect)
        => [("id", dialect.IdType), ("status", DbType.Int32), ("at", DbType.Int64), ("detail", DbType.String), ("is_report", DbType.Boolean)];

    public static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    /// <summary>Writes one history row with a prepared <see cref="InsertEvent"/> command.</summary>
    public static Task InsertEventAsync(
        DbCommand insertEvent, object id, MessageStatus status, long at, string? detail, bool isReport, CancellationToken cancellationToken)
    {
        var e = insertEvent.Parameters;
        e[0].Value = id;
        e[1].Value = (int)status;
        e[2].Value = at;
        e[3].Value = Nullable(detail);
        e[4].Value = isReport;
        return insertEvent.ExecuteNonQueryAsync(cancellationToken);
    }

    public static object Nullable(object? value) => value ?? DBNull.Value;

    /// <summary>The due time a transition sets (ticks): for a message put back (Queued) or held (Scheduled); otherwise none.</summary>
    public static long? DueTicks(MessageTransition transition)
        => transition.Status is MessageStatus.Queued or MessageStatus.Scheduled ? StoreTime.ToTicks(transition.DueAt ?? transition.At) : null;
}

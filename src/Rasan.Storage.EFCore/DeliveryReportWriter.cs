using System.Data;
using System.Data.Common;
using Rasan.Providers;

namespace Rasan.Storage.EFCore;

/// <summary>
/// Applies delivery reports with prepared statements reused for every report of a batch. A final report moves a Sent
/// message in one conditional update; a pending one adds a history row once per distinct provider status. A report
/// counts only for a message of the account it came through.
/// </summary>
internal sealed class DeliveryReportWriter : IAsyncDisposable
{
    private const string FinishSql =
        "UPDATE messages SET status = @status, next_poll_at = NULL, updated_at = @at WHERE id = @id AND account_id = @account AND status = 3";

    private const string StatusByIdSql = "SELECT status FROM messages WHERE id = @id AND account_id = @account";

    private const string FindByProviderIdSql =
        "SELECT id, status FROM messages WHERE account_id = @account AND provider_message_id = @provider_id";

    private const string ReportRecordedSql =
        """
        SELECT COUNT(*) FROM message_events
        WHERE message_id = @id AND is_report = @is_report AND (detail = @detail OR (detail IS NULL AND @detail IS NULL))
        """;

    private readonly IRasanSqlDialect _dialect;
    private readonly DbCommand _finish;
    private readonly DbCommand _statusById;
    private readonly DbCommand _findByProviderId;
    private readonly DbCommand _reportRecorded;
    private readonly DbCommand _insertEvent;

    public DeliveryReportWriter(DbConnection connection, DbTransaction transaction, IRasanSqlDialect dialect)
    {
        _dialect = dialect;
        _finish = StoreCommands.Prepare(
            connection, transaction, FinishSql, ("status", DbType.Int32), ("at", DbType.Int64), ("id", dialect.IdType), ("account", dialect.IdType));
        _statusById = StoreCommands.Prepare(connection, transaction, StatusByIdSql, ("id", dialect.IdType), ("account", dialect.IdType));
        _findByProviderId = StoreCommands.Prepare(
            connection, transaction, FindByProviderIdSql, ("account", dialect.IdType), ("provider_id", DbType.String));
        _reportRecorded = StoreCommands.Prepare(
            connection, transaction, ReportRecordedSql, ("id", dialect.IdType), ("is_report", DbType.Boolean), ("detail", DbType.String));
        _insertEvent = StoreCommands.Prepare(connection, transaction, StoreCommands.InsertEvent, StoreCommands.InsertEventParameters(dialect));
    }

    public async Task<ReportOutcome> ApplyAsync(DeliveryUpdate update, CancellationToken cancellationToken)
    {
        var report = update.Report;
        var account = _dialect.IdValue(update.AccountId.Value);
        object id;
        MessageStatus? status = null;
        if (report.MessageId is { } messageId)
        {
            id = _dialect.IdValue(messageId.Value);
        }
        else if (report.ProviderMessageId is { } providerId && await FindByProviderIdAsync(account, providerId, cancellationToken) is { } found)
        {
            (id, status) = found;
        }
        else
        {
            return ReportOutcome.Unmatched;
        }

        var at = StoreTime.ToTicks(report.At);
        if (report.State != DeliveryState.Pending)
        {
            var final = report.State switch
            {
                DeliveryState.Delivered => MessageStatus.Delivered,
                DeliveryState.Expired => MessageStatus.Expired,
                _ => MessageStatus.Failed,
            };
            _finish.Parameters[0].Value = (int)final;
            _finish.Parameters[1].Value = at;
            _finish.Parameters[2].Value = id;
            _finish.Parameters[3].Value = account;
            if (await _finish.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return Classify(status ?? await StatusAsync(id, account, cancellationToken));
            }

            await StoreCommands.InsertEventAsync(_insertEvent, id, final, at, report.ProviderStatus, isReport: true, cancellationToken);
            return ReportOutcome.Applied;
        }

        status ??= await StatusAsync(id, account, cancellationToken);
        if (status != MessageStatus.Sent)
        {
            return Classify(status);
        }

        _reportRecorded.Parameters[0].Value = id;
        _reportRecorded.Parameters[1].Value = true;
        _reportRecorded.Parameters[2].Value = StoreCommands.Nullable(report.ProviderStatus);
        if (Convert.ToInt64(await _reportRecorded.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return ReportOutcome.Duplicate;
        }

        await StoreCommands.InsertEventAsync(_insertEvent, id, MessageStatus.Sent, at, report.ProviderStatus, isReport: true, cancellationToken);
        return ReportOutcome.Applied;
    }

    public async ValueTask DisposeAsync()
    {
        await _finish.DisposeAsync();
        await _statusById.DisposeAsync();
        await _findByProviderId.DisposeAsync();
        await _reportRecorded.DisposeAsync();
        await _insertEvent.DisposeAsync();
    }

    /// <summary>A report for a message not stored or not yet sent may be early: the caller may retry it.</summary>
    private static ReportOutcome Classify(MessageStatus? status)
        => status is null or MessageStatus.Queued or MessageStatus.Scheduled or MessageStatus.Sending
            ? ReportOutcome.Unmatched
            : ReportOutcome.Duplicate;

    private async Task<MessageStatus?> StatusAsync(object id, object account, CancellationToken cancellationToken)
    {
        _statusById.Parameters[0].Value = id;
        _statusById.Parameters[1].Value = account;
        var value = await _statusById.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : (MessageStatus)Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(object Id, MessageStatus Status)?> FindByProviderIdAsync(
        object account, string providerId, CancellationToken cancellationToken)
    {
        _findByProviderId.Parameters[0].Value = account;
        _findByProviderId.Parameters[1].Value = providerId;
        await using var reader = await _findByProviderId.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return (_dialect.IdValue(reader.GetGuid(0)), (MessageStatus)reader.GetInt32(1));
    }
}

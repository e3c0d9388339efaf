using Microsoft.EntityFrameworkCore;
using Rasan.Providers;
using Rasan.Storage.EFCore.Entities;

namespace Rasan.Storage.EFCore;

internal sealed partial class EfMessageStore
{
    public async Task<DeliveryApplyResult> ApplyDeliveryReportsAsync(IReadOnlyList<DeliveryUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        int applied = 0, duplicates = 0, unmatched = 0;
        if (updates.Count == 0)
        {
            return new DeliveryApplyResult(0, 0, 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var update in updates)
        {
            switch (await ApplyReportAsync(db, update, cancellationToken))
            {
                case ReportOutcome.Applied:
                    applied++;
                    break;
                case ReportOutcome.Duplicate:
                    duplicates++;
                    break;
                default:
                    unmatched++;
                    break;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new DeliveryApplyResult(applied, duplicates, unmatched);
    }

    private static async Task<ReportOutcome> ApplyReportAsync(RasanDbContext db, DeliveryUpdate update, CancellationToken cancellationToken)
    {
        var report = update.Report;
        var candidates = db.Messages.AsNoTracking();
        if (report.MessageId is { } id)
        {
            candidates = candidates.Where(m => m.Id == id.Value);
        }
        else if (report.ProviderMessageId is { } providerId)
        {
            var account = update.AccountId.Value;
            candidates = candidates.Where(m => m.AccountId == account && m.ProviderMessageId == providerId);
        }
        else
        {
            return ReportOutcome.Unmatched;
        }

        var message = await candidates.Select(m => new { m.Id, m.Status }).FirstOrDefaultAsync(cancellationToken);
        if (message is null || message.Status is Queued or Scheduled or Sending)
        {
            return ReportOutcome.Unmatched;
        }

        if (message.Status != Sent)
        {
            return ReportOutcome.Duplicate;
        }

        var at = StoreTime.ToTicks(report.At);
        var providerStatus = report.ProviderStatus;
        int status;
        if (report.State == DeliveryState.Pending)
        {
            var recorded = await db.MessageEvents.AnyAsync(
                e => e.MessageId == message.Id && e.IsReport && e.Detail == providerStatus, cancellationToken);
            if (recorded)
            {
                return ReportOutcome.Duplicate;
            }

            status = Sent;
        }
        else
        {
            status = (int)(report.State switch
            {
                DeliveryState.Delivered => MessageStatus.Delivered,
                DeliveryState.Expired => MessageStatus.Expired,
                _ => MessageStatus.Failed,
            });
            var moved = await db.Messages
                .Where(m => m.Id == message.Id && m.Status == Sent)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, status)
                        .SetProperty(m => m.NextPollAt, (long?)null)
                        .SetProperty(m => m.UpdatedAt, at),
                    cancellationToken);
            if (moved == 0)
            {
                return ReportOutcome.Duplicate;
            }
        }

        db.MessageEvents.Add(new MessageEventEntity
        {
            MessageId = message.Id, Status = status, At = at, Detail = providerStatus, IsReport = true,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ReportOutcome.Applied;
    }

    private enum ReportOutcome
    {
        Applied,
        Duplicate,
        Unmatched,
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rasan.Storage.EFCore;

internal sealed partial class EfMessageStore
{
    /// <summary>Reports applied per transaction, so a large poll never holds the write lock for long.</summary>
    private const int ReportsPerTransaction = 200;

    public async Task<DeliveryApplyResult> ApplyDeliveryReportsAsync(IReadOnlyList<DeliveryUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        int applied = 0, duplicates = 0, unmatched = 0;
        foreach (var chunk in updates.Chunk(ReportsPerTransaction))
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using (var writer = new DeliveryReportWriter(db.Database.GetDbConnection(), transaction.GetDbTransaction(), dialect))
            {
                foreach (var update in chunk)
                {
                    switch (await writer.ApplyAsync(update, cancellationToken))
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
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return new DeliveryApplyResult(applied, duplicates, unmatched);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rasan.Providers;
using Rasan.Storage.EFCore.Entities;

namespace Rasan.Storage.EFCore;

/// <summary>
/// The <see cref="IMessageStore"/> over EF Core. Accept and claim run the dialect's prepared SQL without change
/// tracking; status writes use prepared, fenced updates; reads use no-tracking LINQ.
/// </summary>
internal sealed partial class EfMessageStore(IDbContextFactory<RasanDbContext> contextFactory, IRasanSqlDialect dialect, StoreWriteGate writeGate)
    : IMessageStore, IDisposable, IAsyncDisposable
{
    private const int Queued = (int)MessageStatus.Queued;
    private const int Scheduled = (int)MessageStatus.Scheduled;
    private const int Sending = (int)MessageStatus.Sending;
    private const int Sent = (int)MessageStatus.Sent;

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(ClaimOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Limit <= 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await dialect.ClaimAsync(db, options, cancellationToken);
    }

    public async Task<int> CompleteAsync(IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (transitions.Count == 0)
        {
            return 0;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var applied = await dialect.CompleteAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), transitions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    public async Task<int> ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var ticks = StoreTime.ToTicks(now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Messages
            .Where(m => m.Status == Sending && m.LeaseOwner == owner)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, Queued)
                    .SetProperty(m => m.DueAt, ticks)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (long?)null)
                    .SetProperty(m => m.UpdatedAt, ticks),
                cancellationToken);
    }

    public async Task<IReadOnlyList<PollCandidate>> GetDueForPollingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return [];
        }

        var ticks = StoreTime.ToTicks(now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.Status == Sent && m.NextPollAt <= ticks)
            .OrderBy(m => m.NextPollAt)
            .ThenBy(m => m.Id)
            .Take(limit)
            .Select(m => new { m.Id, m.AccountId, m.ProviderMessageId, m.Recipient, m.SentAt, m.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PollCandidate(
            new AccountId(r.AccountId),
            new SentMessage(new MessageId(r.Id), r.ProviderMessageId, r.Recipient, StoreTime.FromTicks(r.SentAt ?? r.UpdatedAt))))];
    }

    public async Task ReschedulePollAsync(IReadOnlyList<MessageId> ids, DateTimeOffset? nextPollAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        var keys = ids.Select(i => i.Value).ToArray();
        var ticks = StoreTime.ToTicks(nextPollAt);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Messages
            .Where(m => keys.Contains(m.Id) && m.Status == Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextPollAt, ticks), cancellationToken);
    }

    public async Task<CancelResult> CancelAsync(ServiceId service, MessageId id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticks = StoreTime.ToTicks(now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.Messages
            .Where(m => m.Id == id.Value && m.ServiceId == service.Value && (m.Status == Queued || m.Status == Scheduled))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, (int)MessageStatus.Cancelled).SetProperty(m => m.UpdatedAt, ticks),
                cancellationToken);
        if (cancelled == 0)
        {
            var exists = await db.Messages.AnyAsync(m => m.Id == id.Value && m.ServiceId == service.Value, cancellationToken);
            return exists ? CancelResult.TooLate : CancelResult.NotFound;
        }

        db.MessageEvents.Add(new MessageEventEntity
        {
            MessageId = id.Value, Status = (int)MessageStatus.Cancelled, At = ticks, Detail = "cancelled",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CancelResult.Cancelled;
    }
}

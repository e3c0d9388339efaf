using System.Diagnostics;
using Rasan.Storage;

namespace Rasan.Benchmarks;

/// <summary>Wraps a store and adds up the wall time spent in claim and complete, for the dispatch breakdown.</summary>
internal sealed class TimedMessageStore(IMessageStore inner) : IMessageStore
{
    private long _claimTicks;
    private long _completeTicks;

    public TimeSpan ClaimTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _claimTicks));

    public TimeSpan CompleteTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _completeTicks));

    public void Reset()
    {
        Interlocked.Exchange(ref _claimTicks, 0);
        Interlocked.Exchange(ref _completeTicks, 0);
    }

    public Task<IReadOnlyList<AcceptResult>> AcceptAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
        => inner.AcceptAsync(requests, cancellationToken);

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(ClaimOptions options, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.ClaimAsync(options, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _claimTicks, Stopwatch.GetTimestamp() - started);
        }
    }

    public async Task<int> CompleteAsync(IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.CompleteAsync(transitions, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _completeTicks, Stopwatch.GetTimestamp() - started);
        }
    }

    public Task<int> ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
        => inner.ReleaseAsync(owner, now, cancellationToken);

    public Task<IReadOnlyList<PollCandidate>> GetDueForPollingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
        => inner.GetDueForPollingAsync(now, limit, cancellationToken);

    public Task ReschedulePollAsync(IReadOnlyList<MessageId> ids, DateTimeOffset? nextPollAt, CancellationToken cancellationToken)
        => inner.ReschedulePollAsync(ids, nextPollAt, cancellationToken);

    public Task<DeliveryApplyResult> ApplyDeliveryReportsAsync(IReadOnlyList<DeliveryUpdate> updates, CancellationToken cancellationToken)
        => inner.ApplyDeliveryReportsAsync(updates, cancellationToken);

    public Task<CancelResult> CancelAsync(ServiceId service, MessageId id, DateTimeOffset now, CancellationToken cancellationToken)
        => inner.CancelAsync(service, id, now, cancellationToken);

    public Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken)
        => inner.GetMessageAsync(service, id, cancellationToken);

    public Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken)
        => inner.GetRequestAsync(service, id, cancellationToken);

    public Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken)
        => inner.SearchAsync(service, query, cancellationToken);

    public Task<IReadOnlyList<MessageReceipt>> GetStatusesAsync(ServiceId service, IReadOnlyList<MessageId> ids, CancellationToken cancellationToken)
        => inner.GetStatusesAsync(service, ids, cancellationToken);

    public Task<StoredRequest?> FindRequestAsync(ServiceId service, string idempotencyKey, CancellationToken cancellationToken)
        => inner.FindRequestAsync(service, idempotencyKey, cancellationToken);
}

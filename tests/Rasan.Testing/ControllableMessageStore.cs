using Rasan.Storage;

namespace Rasan.Testing;

/// <summary>
/// Wraps a real store so a test can hold accepts at a gate, count group commits, make accepts and reads fail like a
/// database outage (claims then find nothing; status writes pass through), or refuse chosen requests.
/// </summary>
public sealed class ControllableMessageStore(IMessageStore inner) : IMessageStore
{
    private TaskCompletionSource? _acceptGate;

    /// <summary>When set, accepts and reads throw it and claims find nothing.</summary>
    public Exception? Failure { get; set; }

    /// <summary>
    /// When set, an accept whose batch holds a request it matches throws and stores nothing, as a database refuses a
    /// transaction with one bad row.
    /// </summary>
    public Predicate<NewRequest>? Refuse { get; set; }

    /// <summary>How many requests each <see cref="AcceptAsync"/> call carried, in call order.</summary>
    public List<int> AcceptBatchSizes { get; } = [];

    public TaskCompletionSource AcceptEntered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void HoldAccepts()
    {
        AcceptEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _acceptGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseAccepts() => _acceptGate?.TrySetResult();

    public async Task<IReadOnlyList<AcceptResult>> AcceptAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        lock (AcceptBatchSizes)
        {
            AcceptBatchSizes.Add(requests.Count);
        }

        if (_acceptGate is { } gate)
        {
            AcceptEntered.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Refuse is { } refuse && requests.Any(r => refuse(r)))
        {
            throw new InvalidOperationException("The store refused a request of this batch.");
        }

        return await inner.AcceptAsync(requests, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredRequest?> FindRequestAsync(ServiceId service, string idempotencyKey, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return inner.FindRequestAsync(service, idempotencyKey, cancellationToken);
    }

    public Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(ClaimOptions options, CancellationToken cancellationToken)
        => Failure is null ? inner.ClaimAsync(options, cancellationToken) : Task.FromResult<IReadOnlyList<ClaimedMessage>>([]);

    public Task<int> CompleteAsync(IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
        => inner.CompleteAsync(transitions, cancellationToken);

    public Task<int> ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
        => inner.ReleaseAsync(owner, now, cancellationToken);

    public Task<IReadOnlyList<PollCandidate>> GetDueForPollingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
        => inner.GetDueForPollingAsync(now, limit, cancellationToken);

    public Task ReschedulePollAsync(IReadOnlyList<MessageId> ids, DateTimeOffset? nextPollAt, CancellationToken cancellationToken)
        => inner.ReschedulePollAsync(ids, nextPollAt, cancellationToken);

    public Task<DeliveryApplyResult> ApplyDeliveryReportsAsync(IReadOnlyList<DeliveryUpdate> updates, CancellationToken cancellationToken)
        => inner.ApplyDeliveryReportsAsync(updates, cancellationToken);

    public Task<CancelResult> CancelAsync(ServiceId service, MessageId id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return inner.CancelAsync(service, id, now, cancellationToken);
    }

    public Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return inner.GetMessageAsync(service, id, cancellationToken);
    }

    public Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return inner.GetRequestAsync(service, id, cancellationToken);
    }

    public Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return inner.SearchAsync(service, query, cancellationToken);
    }

    public Task<IReadOnlyList<MessageReceipt>> GetStatusesAsync(ServiceId service, IReadOnlyList<MessageId> ids, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return inner.GetStatusesAsync(service, ids, cancellationToken);
    }

    private void ThrowIfFailing()
    {
        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}

using Rasan.Storage;

namespace Rasan.Testing;

/// <summary>
/// Wraps a real store so a test can hold accepts at a gate, count group commits, make accepts and reads fail like a
/// database outage (claims then find nothing; status writes pass through), or refuse chosen requests.
/// </summary>
public sealed class ControllableMessageStore(IMessageStore inner) : DelegatingMessageStore(inner)
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

    public override async Task<IReadOnlyList<AcceptResult>> AcceptAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
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

        return await Inner.AcceptAsync(requests, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<StoredRequest?> FindRequestAsync(ServiceId service, string idempotencyKey, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Inner.FindRequestAsync(service, idempotencyKey, cancellationToken);
    }

    public override Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(ClaimOptions options, CancellationToken cancellationToken)
        => Failure is null ? Inner.ClaimAsync(options, cancellationToken) : Task.FromResult<IReadOnlyList<ClaimedMessage>>([]);

    public override Task<CancelResult> CancelAsync(ServiceId service, MessageId id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Inner.CancelAsync(service, id, now, cancellationToken);
    }

    public override Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Inner.GetMessageAsync(service, id, cancellationToken);
    }

    public override Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Inner.GetRequestAsync(service, id, cancellationToken);
    }

    public override Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Inner.SearchAsync(service, query, cancellationToken);
    }

    public override Task<IReadOnlyList<MessageReceipt>> GetStatusesAsync(ServiceId service, IReadOnlyList<MessageId> ids, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Inner.GetStatusesAsync(service, ids, cancellationToken);
    }

    private void ThrowIfFailing()
    {
        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}

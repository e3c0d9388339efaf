using Rasan.Storage;

namespace Rasan.Testing;

/// <summary>
/// A message store that hands every call to another; a test or benchmark derives from it and overrides only the calls
/// it watches or changes.
/// </summary>
/// <param name="inner">The store that does the work.</param>
public abstract class DelegatingMessageStore(IMessageStore inner) : IMessageStore
{
    /// <summary>The store that does the work.</summary>
    protected IMessageStore Inner { get; } = inner;

    public virtual Task<IReadOnlyList<AcceptResult>> AcceptAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
        => Inner.AcceptAsync(requests, cancellationToken);

    public virtual Task<StoredRequest?> FindRequestAsync(ServiceId service, string idempotencyKey, CancellationToken cancellationToken)
        => Inner.FindRequestAsync(service, idempotencyKey, cancellationToken);

    public virtual Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(ClaimOptions options, CancellationToken cancellationToken)
        => Inner.ClaimAsync(options, cancellationToken);

    public virtual Task<int> CompleteAsync(IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
        => Inner.CompleteAsync(transitions, cancellationToken);

    public virtual Task<int> ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
        => Inner.ReleaseAsync(owner, now, cancellationToken);

    public virtual Task<IReadOnlyList<PollCandidate>> GetDueForPollingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
        => Inner.GetDueForPollingAsync(now, limit, cancellationToken);

    public virtual Task ReschedulePollAsync(IReadOnlyList<MessageId> ids, DateTimeOffset? nextPollAt, CancellationToken cancellationToken)
        => Inner.ReschedulePollAsync(ids, nextPollAt, cancellationToken);

    public virtual Task<DeliveryApplyResult> ApplyDeliveryReportsAsync(IReadOnlyList<DeliveryUpdate> updates, CancellationToken cancellationToken)
        => Inner.ApplyDeliveryReportsAsync(updates, cancellationToken);

    public virtual Task<CancelResult> CancelAsync(ServiceId service, MessageId id, DateTimeOffset now, CancellationToken cancellationToken)
        => Inner.CancelAsync(service, id, now, cancellationToken);

    public virtual Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken)
        => Inner.GetMessageAsync(service, id, cancellationToken);

    public virtual Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken)
        => Inner.GetRequestAsync(service, id, cancellationToken);

    public virtual Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken)
        => Inner.SearchAsync(service, query, cancellationToken);

    public virtual Task<IReadOnlyList<MessageReceipt>> GetStatusesAsync(
        ServiceId service, IReadOnlyList<MessageId> ids, CancellationToken cancellationToken)
        => Inner.GetStatusesAsync(service, ids, cancellationToken);
}

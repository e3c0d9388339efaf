using Rasan.Providers;
using Rasan.Storage;

namespace Rasan.Tests;

/// <summary>Wraps a store: counts group commits and can hold accepts until released.</summary>
internal sealed class ControllableStore(IMessageStore inner) : IMessageStore
{
    private TaskCompletionSource? _gate;

    public List<int> AcceptBatchSizes { get; } = [];

    public TaskCompletionSource AcceptEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void HoldAccepts() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseAccepts() => _gate?.TrySetResult();

    public async Task<IReadOnlyList<AcceptResult>> AcceptAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        lock (AcceptBatchSizes)
        {
            AcceptBatchSizes.Add(requests.Count);
        }

        AcceptEntered.TrySetResult();
        if (_gate is { } gate)
        {
            await gate.Task;
        }

        return await inner.AcceptAsync(requests, cancellationToken);
    }

    public Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(ClaimOptions options, CancellationToken cancellationToken)
        => inner.ClaimAsync(options, cancellationToken);

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
        => inner.CancelAsync(service, id, now, cancellationToken);

    public Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken)
        => inner.GetMessageAsync(service, id, cancellationToken);

    public Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken)
        => inner.GetRequestAsync(service, id, cancellationToken);

    public Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken)
        => inner.SearchAsync(service, query, cancellationToken);

    public Task<IReadOnlyList<MessageReceipt>> GetStatusesAsync(ServiceId service, IReadOnlyList<MessageId> ids, CancellationToken cancellationToken)
        => inner.GetStatusesAsync(service, ids, cancellationToken);
}

using Rasan.Phones;
using Rasan.Storage;

namespace Rasan.Tracking;

/// <summary>Reads statuses and histories, scoped to the asking service.</summary>
internal sealed class MessageTracker(IMessageStore store, PhoneNumberNormalizer phones, StatusNotifier notifier, TimeProvider time)
    : IMessageTracker
{
    /// <summary>The longest wait between status reads while waiting, for changes made by other hosts.</summary>
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(250);

    public Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken = default)
        => store.GetMessageAsync(service, id, cancellationToken);

    public Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken = default)
        => store.GetRequestAsync(service, id, cancellationToken);

    public Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var normalised = query with { Limit = Math.Clamp(query.Limit, 1, MessageQuery.MaxLimit) };
        if (query.To is { } to)
        {
            normalised = normalised with { To = phones.TryNormalizeMobile(to, out var e164) ? e164 : to.Trim() };
        }

        return store.SearchAsync(service, normalised, cancellationToken);
    }

    public async Task<IReadOnlyList<MessageReceipt>> WaitForOutcomeAsync(
        ServiceId service, IReadOnlyList<MessageId> ids, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var changed = notifier.Changed;
            var statuses = await store.GetStatusesAsync(service, ids, cancellationToken);
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero || statuses.All(s => s.Status.HasOutcome()))
            {
                return statuses;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(remaining < RecheckInterval ? remaining : RecheckInterval, time, wait.Token);
            await Task.WhenAny(changed, delay);
            await wait.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}

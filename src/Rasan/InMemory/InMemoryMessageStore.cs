using Rasan.Providers;
using Rasan.Storage;

namespace Rasan.InMemory;

/// <summary>
/// An <see cref="IMessageStore"/> that keeps everything in memory, for tests and demos. Thread-safe: every call
/// runs under one lock. It has no clock of its own: every time comes in as an argument.
/// </summary>
internal sealed class InMemoryMessageStore : IMessageStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<RequestId, InMemoryRequest> _requests = [];
    private readonly Dictionary<(ServiceId Service, string Key), InMemoryRequest> _keys = [];
    private readonly Dictionary<MessageId, InMemoryMessage> _messages = [];
    private readonly Dictionary<(AccountId Account, string ProviderId), InMemoryMessage> _byProviderId = [];

    public Task<IReadOnlyList<AcceptResult>> AcceptAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new AcceptResult[requests.Count];
        lock (_lock)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var request = requests[i];
                if (request.IdempotencyKey is { } key && _keys.TryGetValue((request.ServiceId, key), out var existing))
                {
                    results[i] = new AcceptResult(existing.ToStored());
                    continue;
                }

                var messages = request.Messages.Select(m => new InMemoryMessage(request, m)).ToArray();
                var stored = new InMemoryRequest(request, messages);
                _requests[request.Id] = stored;
                if (request.IdempotencyKey is { } newKey)
                {
                    _keys[(request.ServiceId, newKey)] = stored;
                }

                foreach (var message in messages)
                {
                    _messages[message.Id] = message;
                }

                results[i] = AcceptResult.Stored;
            }
        }

        return Task.FromResult<IReadOnlyList<AcceptResult>>(results);
    }

    public Task<StoredRequest?> FindRequestAsync(ServiceId service, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_keys.TryGetValue((service, idempotencyKey), out var stored) ? stored.ToStored() : null);
        }
    }

    public Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(ClaimOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            var claimed = _messages.Values
                .Where(m => m.IsClaimable(options.Now))
                .OrderByDescending(m => m.Priority)
                .ThenBy(m => m.DueAt)
                .ThenBy(m => m.Id)
                .Take(Math.Max(0, options.Limit))
                .ToArray();
            foreach (var message in claimed)
            {
                message.Status = MessageStatus.Sending;
                message.LeaseOwner = options.Owner;
                message.LeaseUntil = options.Now + options.LeaseDuration;
                message.LeaseVersion++;
                message.UpdatedAt = options.Now;
            }

            return Task.FromResult<IReadOnlyList<ClaimedMessage>>([.. claimed.Select(m => m.ToClaimed())]);
        }
    }

    public Task<int> CompleteAsync(IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        var applied = 0;
        lock (_lock)
        {
            foreach (var t in transitions)
            {
                if (!_messages.TryGetValue(t.Id, out var m)
                    || m.Status != MessageStatus.Sending || m.LeaseOwner != t.Owner || m.LeaseVersion != t.LeaseVersion)
                {
                    continue;
                }

                Apply(m, t);
                applied++;
            }
        }

        return Task.FromResult(applied);
    }

    public Task<int> ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var released = 0;
            foreach (var m in _messages.Values.Where(m => m.Status == MessageStatus.Sending && m.LeaseOwner == owner))
            {
                m.Status = MessageStatus.Queued;
                m.DueAt = now;
                m.LeaseOwner = null;
                m.LeaseUntil = null;
                m.UpdatedAt = now;
                released++;
            }

            return Task.FromResult(released);
        }
    }

    public Task<IReadOnlyList<PollCandidate>> GetDueForPollingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<PollCandidate> due = [.. _messages.Values
                .Where(m => m.Status == MessageStatus.Sent && m.NextPollAt <= now)
                .OrderBy(m => m.NextPollAt)
                .ThenBy(m => m.Id)
                .Take(Math.Max(0, limit))
                .Select(m => new PollCandidate(m.AccountId, new SentMessage(m.Id, m.ProviderMessageId, m.To, m.SentAt ?? m.UpdatedAt)))];
            return Task.FromResult(due);
        }
    }

    public Task ReschedulePollAsync(IReadOnlyList<MessageId> ids, DateTimeOffset? nextPollAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_lock)
        {
            foreach (var id in ids)
            {
                if (_messages.TryGetValue(id, out var m) && m.Status == MessageStatus.Sent)
                {
                    m.NextPollAt = nextPollAt;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<DeliveryApplyResult> ApplyDeliveryReportsAsync(IReadOnlyList<DeliveryUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        int applied = 0, duplicates = 0, unmatched = 0;
        lock (_lock)
        {
            foreach (var update in updates)
            {
                var m = Find(update);
                if (m is null || m.Status is MessageStatus.Queued or MessageStatus.Scheduled or MessageStatus.Sending)
                {
                    unmatched++;
                    continue;
                }

                var report = update.Report;
                if (m.Status.IsTerminal())
                {
                    duplicates++;
                    continue;
                }

                if (report.State == DeliveryState.Pending)
                {
                    if (!m.ReportedStates.Add(report.ProviderStatus ?? string.Empty))
                    {
                        duplicates++;
                        continue;
                    }

                    m.Events.Add(new MessageEvent(m.Status, report.At, report.ProviderStatus));
                    applied++;
                    continue;
                }

                m.Status = report.State switch
                {
                    DeliveryState.Delivered => MessageStatus.Delivered,
                    DeliveryState.Expired => MessageStatus.Expired,
                    _ => MessageStatus.Failed,
                };
                m.NextPollAt = null;
                m.UpdatedAt = report.At;
                m.Events.Add(new MessageEvent(m.Status, report.At, report.ProviderStatus));
                applied++;
            }
        }

        return Task.FromResult(new DeliveryApplyResult(applied, duplicates, unmatched));
    }

    public Task<CancelResult> CancelAsync(ServiceId service, MessageId id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_messages.TryGetValue(id, out var m) || m.ServiceId != service)
            {
                return Task.FromResult(CancelResult.NotFound);
            }

            if (m.Status is not (MessageStatus.Queued or MessageStatus.Scheduled))
            {
                return Task.FromResult(CancelResult.TooLate);
            }

            m.Status = MessageStatus.Cancelled;
            m.UpdatedAt = now;
            m.Events.Add(new MessageEvent(MessageStatus.Cancelled, now, "cancelled"));
            return Task.FromResult(CancelResult.Cancelled);
        }
    }

    public Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var info = _messages.TryGetValue(id, out var m) && m.ServiceId == service ? m.ToInfo(withEvents: true) : null;
            return Task.FromResult(info);
        }
    }

    public Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var info = _requests.TryGetValue(id, out var r) && r.ServiceId == service
                ? new RequestInfo(r.Id, r.CreatedAt, r.IdempotencyKey, [.. r.Messages.Select(m => m.ToInfo(withEvents: false))])
                : null;
            return Task.FromResult(info);
        }
    }

    public Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MessageQuery.MaxLimit);
        lock (_lock)
        {
            var items = _messages.Values
                .Where(m => m.ServiceId == service
                    && (query.To is null || m.To == query.To)
                    && (query.Status is null || m.Status == query.Status)
                    && (query.Tag is null || m.Tags.Contains(query.Tag, StringComparer.Ordinal))
                    && (query.Text is null || m.Text.Contains(query.Text, StringComparison.Ordinal))
                    && (query.From is null || m.CreatedAt >= query.From)
                    && (query.Until is null || m.CreatedAt < query.Until)
                    && (query.After is null || m.Id < query.After.Value))
                .OrderByDescending(m => m.Id)
                .Take(limit)
                .Select(m => m.ToInfo(withEvents: false))
                .ToArray();
            MessageId? next = items.Length == limit ? items[^1].Id : null;
            return Task.FromResult(new MessagePage(items, next));
        }
    }

    public Task<IReadOnlyList<MessageReceipt>> GetStatusesAsync(
        ServiceId service, IReadOnlyList<MessageId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_lock)
        {
            IReadOnlyList<MessageReceipt> found = [.. ids
                .Select(id => _messages.GetValueOrDefault(id))
                .Where(m => m is not null && m.ServiceId == service)
                .Select(m => new MessageReceipt(m!.Id, m.To, m.Status))];
            return Task.FromResult(found);
        }
    }

    private void Apply(InMemoryMessage m, MessageTransition t)
    {
        m.Status = t.Status;
        m.LeaseOwner = null;
        m.LeaseUntil = null;
        m.UpdatedAt = t.At;
        if (t.Status is MessageStatus.Queued or MessageStatus.Scheduled)
        {
            m.DueAt = t.DueAt ?? t.At;
        }

        if (t.Attempted)
        {
            m.Attempts++;
        }

        if (t.ProviderMessageId is { } providerId)
        {
            m.ProviderMessageId = providerId;
            _byProviderId[(m.AccountId, providerId)] = m;
        }

        m.Cost = t.Cost ?? m.Cost;
        m.ErrorCode = t.Status == MessageStatus.Sent ? null : t.ErrorCode ?? m.ErrorCode;
        m.ErrorText = t.Status == MessageStatus.Sent ? null : t.ErrorText ?? m.ErrorText;
        if (t.Status == MessageStatus.Sent)
        {
            m.SentAt = t.At;
        }

        m.NextPollAt = t.Status == MessageStatus.Sent ? t.NextPollAt : null;
        if (t.RecordEvent)
        {
            m.Events.Add(new MessageEvent(t.Status, t.At, t.Detail));
        }
    }

    private InMemoryMessage? Find(DeliveryUpdate update)
    {
        if (update.Report.MessageId is { } id)
        {
            // A report counts only for a message of the account it came through.
            return _messages.GetValueOrDefault(id) is { } message && message.AccountId == update.AccountId ? message : null;
        }

        return update.Report.ProviderMessageId is { } providerId
            ? _byProviderId.GetValueOrDefault((update.AccountId, providerId))
            : null;
    }
}

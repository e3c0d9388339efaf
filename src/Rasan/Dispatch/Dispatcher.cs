using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rasan.Callbacks;
using Rasan.Providers;
using Rasan.Storage;
using Rasan.Telemetry;
using Rasan.Tracking;

namespace Rasan.Dispatch;

/// <summary>
/// One dispatch pass: claim due messages under a lease, expire the overdue, hand the rest to their providers in
/// batches (rate-limited and circuit-broken per account), and write every outcome fenced by the lease.
/// </summary>
internal sealed class Dispatcher : IDisposable
{
    private readonly IMessageStore _store;
    private readonly AccountDirectory _accounts;
    private readonly ProviderRegistry _providers;
    private readonly IAccountChecker _accountChecker;
    private readonly CallbackSigner _callbacks;

    // Checked once per account instance: the directory hands out the same instance until the account changes, and a
    // provider's check may be costly (FanapPlus parses and tries the private key).
    private readonly ConditionalWeakTable<ProviderAccount, string> _accountProblems = [];
    private readonly AccountGuards _guards;
    private readonly StatusNotifier _notifier;
    private readonly RasanInstrumentation _instrumentation;
    private readonly IOptions<RasanOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<Dispatcher> _logger;
    private readonly SemaphoreSlim _sendSlots;
    private readonly ConcurrentDictionary<Task, byte> _detached = new();

    /// <summary>How many times a pass tries to write its outcomes.</summary>
    private const int CompleteAttempts = 3;

    public Dispatcher(
        IMessageStore store,
        AccountDirectory accounts,
        ProviderRegistry providers,
        IAccountChecker accountChecker,
        CallbackSigner callbacks,
        AccountGuards guards,
        StatusNotifier notifier,
        RasanInstrumentation instrumentation,
        IOptions<RasanOptions> options,
        TimeProvider time,
        ILogger<Dispatcher> logger)
    {
        _store = store;
        _accounts = accounts;
        _providers = providers;
        _accountChecker = accountChecker;
        _callbacks = callbacks;
        _guards = guards;
        _notifier = notifier;
        _instrumentation = instrumentation;
        _options = options;
        _time = time;
        _logger = logger;
        var slots = options.Value.Dispatcher.MaxConcurrentSends;
        _sendSlots = new SemaphoreSlim(slots, slots);
        Owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    }

    /// <summary>This dispatcher's lease owner id: unique per instance.</summary>
    public string Owner { get; }

    /// <summary>Runs one pass. Provider calls are not cancelled by a shutdown: a pass always finishes and writes its outcomes.</summary>
    /// <returns>
    /// How many claimed messages the pass finished or handed to a provider; messages given back for later (rate limit,
    /// open breaker, too little lease left) are not counted, so a loop does not spin on them.
    /// </returns>
    public async Task<int> RunOnceAsync()
    {
        var settings = _options.Value.Dispatcher;
        var now = _time.GetUtcNow();
        var claimed = await _store.ClaimAsync(
            new ClaimOptions { Owner = Owner, Now = now, LeaseDuration = settings.LeaseDuration, Limit = settings.ClaimBatchSize },
            CancellationToken.None);
        if (claimed.Count == 0)
        {
            return 0;
        }

        using var activity = _instrumentation.ActivitySource.StartActivity("rasan.dispatch");
        activity?.SetTag("rasan.claimed", claimed.Count);
        var transitions = new List<MessageTransition>(claimed.Count);
        var live = new List<ClaimedMessage>(claimed.Count);
        foreach (var message in claimed)
        {
            if (message.ExpiresAt is { } expiresAt && expiresAt <= now)
            {
                transitions.Add(TransitionFactory.Expired(message, Owner, now));
                _logger.MessageExpired(message.Id);
            }
            else
            {
                live.Add(message);
            }
        }

        var sendDeadline = LatestSafeStart(now, settings);
        var reports = new List<DeliveryUpdate>();
        var perAccount = await Task.WhenAll(
            live.GroupBy(m => m.AccountId).Select(g => DispatchAccountSafelyAsync(g.Key, g.ToList(), sendDeadline, reports)));
        foreach (var list in perAccount)
        {
            transitions.AddRange(list);
        }

        await WriteOutcomesAsync(transitions, reports);
        return transitions.Count(t => t.RecordEvent);
    }

    /// <summary>
    /// Waits for the provider calls still waiting on a synchronous delivery outcome and for their writes; call it before
    /// giving the leases back, or their messages could be claimed and sent again while the call is still open.
    /// </summary>
    public async Task DrainAsync()
    {
        while (!_detached.IsEmpty)
        {
            await Task.WhenAll(_detached.Keys);
        }
    }

    public void Dispose() => _sendSlots.Dispose();

    /// <summary>Writes outcomes fenced by their leases, then the delivery states providers gave with them, then wakes waiters.</summary>
    private async Task WriteOutcomesAsync(List<MessageTransition> transitions, List<DeliveryUpdate> reports)
    {
        if (transitions.Count == 0)
        {
            // Every claimed message went to a detached call, which writes and wakes waiters itself: a pulse now would
            // only have them read the state between its Sent write and its delivery outcome.
            return;
        }

        var applied = await CompleteWithRetriesAsync(transitions);
        if (applied < transitions.Count)
        {
            _logger.WritesFenced(transitions.Count - applied);
        }

        await ApplySyncOutcomesAsync(reports);

        foreach (var transition in transitions)
        {
            _instrumentation.MessagesCompleted.Add(1, new KeyValuePair<string, object?>(RasanTelemetry.StatusTag, transition.Status.ToWireName()));
        }

        _notifier.Pulse();
    }

    /// <summary>
    /// Runs a call whose messages a sender waits on outside the pass: the provider may hold it for up to 20 s to
    /// report delivery, and the pass must not hold every other account's messages that long. The call writes its own
    /// outcomes; its messages stay leased meanwhile.
    /// </summary>
    private void Detach(Func<List<DeliveryUpdate>, Task<IReadOnlyList<MessageTransition>>> send)
    {
        var call = RunDetachedAsync(send);
        _detached.TryAdd(call, 0);
        _ = call.ContinueWith(done => _detached.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunDetachedAsync(Func<List<DeliveryUpdate>, Task<IReadOnlyList<MessageTransition>>> send)
    {
        await Task.Yield();
        try
        {
            var reports = new List<DeliveryUpdate>();
            var transitions = await send(reports);
            await WriteOutcomesAsync([.. transitions], reports);
        }
#pragma warning disable CA1031 // Nobody awaits this call's result: its messages stay leased and are claimed again when the lease ends.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.DetachedCallFailed(exception);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// The last moment a provider call of this pass may start: its timeout and a margin for writing the outcome must
    /// still fit in the lease, or another host could claim the message while it is being sent.
    /// </summary>
    private static DateTimeOffset LatestSafeStart(DateTimeOffset claimedAt, DispatcherOptions settings)
        => claimedAt + settings.LeaseDuration - settings.ProviderTimeout - settings.LeaseSafetyMargin;

    /// <summary>
    /// Writes the pass's outcomes, retrying a failed write a few times while the lease lasts: the providers have
    /// taken these messages, and an outcome lost here means they are sent again once the lease runs out.
    /// </summary>
    private async Task<int> CompleteWithRetriesAsync(List<MessageTransition> transitions)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _store.CompleteAsync(transitions, CancellationToken.None);
            }
            catch (Exception exception) when (attempt < CompleteAttempts)
            {
                _logger.CompleteRetried(attempt, exception);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), _time);
            }
        }
    }

    /// <summary>One account's part of a pass; a failure before any provider call gives its messages back untouched.</summary>
    private async Task<IReadOnlyList<MessageTransition>> DispatchAccountSafelyAsync(
        AccountId accountId, List<ClaimedMessage> messages, DateTimeOffset sendDeadline, List<DeliveryUpdate> reports)
    {
        try
        {
            return await DispatchAccountAsync(accountId, messages, sendDeadline, reports);
        }
#pragma warning disable CA1031 // A failed account (its settings unreadable) must not lose the other accounts' outcomes.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.AccountPassFailed(accountId, exception);
            var now = _time.GetUtcNow();
            return messages.ConvertAll(m => TransitionFactory.Deferred(m, Owner, now, now + _options.Value.Dispatcher.PollInterval));
        }
    }

    private async Task<IReadOnlyList<MessageTransition>> DispatchAccountAsync(
        AccountId accountId, List<ClaimedMessage> messages, DateTimeOffset sendDeadline, List<DeliveryUpdate> reports)
    {
        var now = _time.GetUtcNow();
        var account = await _accounts.FindAsync(accountId, CancellationToken.None);
        if (account is null || !account.Enabled)
        {
            var code = account is null ? "account-missing" : "account-disabled";
            return messages.ConvertAll(m => TransitionFactory.Failed(m, Owner, code, "The message's account can no longer send.", now, attempted: false));
        }

        var provider = _providers.Find(account.ProviderType);
        if (provider is null)
        {
            return messages.ConvertAll(m => TransitionFactory.Failed(
                m, Owner, "provider-missing", $"No provider of type '{account.ProviderType}' is registered.", now, attempted: false));
        }

        if (ProblemsOf(account) is { } problems)
        {
            // A misconfigured account (a missing key, a malformed sender) sends nothing: its messages fail with why.
            var text = $"Account '{account.Name}' is not valid: {problems}";
            return messages.ConvertAll(m => TransitionFactory.Failed(m, Owner, "account-invalid", text, now, attempted: false));
        }

        var transitions = new List<MessageTransition>(messages.Count);
        if (provider is ISendWindow window)
        {
            messages = HoldOutsideWindow(window, account, messages, now, transitions);
            if (messages.Count == 0)
            {
                return transitions;
            }
        }

        var guard = _guards.For(account);
        var batchSize = Math.Max(1, provider.Descriptor.MaxBatchSize);
        int granted;
        lock (guard.Sync)
        {
            if (!guard.Breaker.TryEnter(now))
            {
                var reopen = Max(guard.Breaker.OpenUntil, now + _options.Value.Dispatcher.PollInterval);
                return messages.ConvertAll(m => TransitionFactory.Deferred(m, Owner, now, reopen));
            }

            var wanted = guard.Breaker.IsOpen(now) ? Math.Min(batchSize, messages.Count) : messages.Count;
            (granted, var nextAvailable) = guard.Take(wanted, now);
            if (granted == 0)
            {
                // No call will be made: a half-open breaker's trial is not used up.
                guard.Breaker.AbandonTrial();
            }

            for (var i = granted; i < messages.Count; i++)
            {
                // Spread the rest over the rate, so they come back a few at a time rather than all at once.
                var wait = guard.RatePerSecond > 0 ? TimeSpan.FromSeconds((i - granted) / guard.RatePerSecond) : TimeSpan.Zero;
                transitions.Add(TransitionFactory.Deferred(messages[i], Owner, now, nextAvailable + wait));
            }
        }

        var calls = new List<Task<IReadOnlyList<MessageTransition>>>();
        for (var start = 0; start < granted; start += batchSize)
        {
            var batch = messages.GetRange(start, Math.Min(batchSize, granted - start));
            if (batch.Exists(m => m.OutcomeAwaitedUntil > now))
            {
                Detach(own => SendBatchAsync(provider, account, guard, batch, sendDeadline, own));
            }
            else
            {
                calls.Add(SendBatchAsync(provider, account, guard, batch, sendDeadline, reports));
            }
        }

        foreach (var result in await Task.WhenAll(calls))
        {
            transitions.AddRange(result);
        }

        return transitions;
    }

    private async Task<IReadOnlyList<MessageTransition>> SendBatchAsync(
        IMessageProvider provider,
        ProviderAccount account,
        AccountGuard guard,
        List<ClaimedMessage> batch,
        DateTimeOffset sendDeadline,
        List<DeliveryUpdate> reports)
    {
        var settings = _options.Value.Dispatcher;
        IReadOnlyList<SendOutcome>? outcomes = null;
        string failureCode = "provider-error";
        await _sendSlots.WaitAsync();
        var startedAt = _time.GetUtcNow();
        var expired = batch.FindAll(m => m.ExpiresAt is { } expiresAt && expiresAt <= startedAt);
        if (expired.Count > 0)
        {
            // Expired while waiting for a send slot: never a late send.
            batch = batch.FindAll(m => !expired.Contains(m));
        }

        if (batch.Count == 0 || startedAt > sendDeadline)
        {
            // No call is made (everything expired, or too little of the lease is left for it): the rest go back
            // untouched, due now, and a half-open breaker's trial is not used up.
            _sendSlots.Release();
            lock (guard.Sync)
            {
                guard.Breaker.AbandonTrial();
            }

            return [.. batch.ConvertAll(m => TransitionFactory.Deferred(m, Owner, startedAt, startedAt)),
                .. expired.ConvertAll(m => TransitionFactory.Expired(m, Owner, startedAt))];
        }

        // Built after the expiry check, so the provider gets exactly the messages its answers are matched with.
        var outgoing = batch.ConvertAll(m => ToOutgoing(m, account));

        var started = _time.GetTimestamp();
        try
        {
            using var timeout = new CancellationTokenSource(settings.ProviderTimeout, _time);
            outcomes = await provider.SendAsync(_callbacks.ContextFor(account), outgoing, timeout.Token);
            if (outcomes.Count != batch.Count)
            {
                outcomes = null;
                failureCode = "provider-answer-mismatch";
            }
        }
        catch (OperationCanceledException)
        {
            failureCode = "timeout";
            _logger.ProviderCallFailed(provider.Descriptor.Type, account.Name, batch.Count, "timeout");
        }
#pragma warning disable CA1031 // Any provider failure is a transient outcome for its messages, never a lost pass.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failureCode = "provider-exception";

            // Only the exception's type: provider messages may carry keys (some put them in the URL path).
            _logger.ProviderCallFailed(provider.Descriptor.Type, account.Name, batch.Count, exception.GetType().Name);
        }
        finally
        {
            _sendSlots.Release();
            _instrumentation.ProviderCallDuration.Record(
                _time.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(RasanTelemetry.ProviderTag, provider.Descriptor.Type));
        }

        var now = _time.GetUtcNow();
        var callFailed = outcomes is null || outcomes.All(o => o.Kind == SendOutcomeKind.Transient);
        lock (guard.Sync)
        {
            if (!callFailed)
            {
                guard.Breaker.RecordSuccess();
            }
            else if (guard.Breaker.RecordFailure(now))
            {
                _logger.CircuitOpened(account.Name, settings.BreakerBreakDuration);
            }
        }

        var nextPollAt = provider is IDeliveryStatusPoller poller ? now + poller.FirstPollDelay : (DateTimeOffset?)null;
        var transitions = expired.ConvertAll(m => TransitionFactory.Expired(m, Owner, now));
        for (var i = 0; i < batch.Count; i++)
        {
            var outcome = outcomes?[i] ?? SendOutcome.Transient(failureCode, "The provider call did not complete.");
            transitions.Add(Decide(batch[i], outcome, now, nextPollAt, settings));
            if (outcome is { Kind: SendOutcomeKind.Accepted, Delivery: { } state })
            {
                var report = new DeliveryReport
                {
                    MessageId = batch[i].Id,
                    ProviderMessageId = outcome.ProviderMessageId,
                    State = state,
                    ProviderStatus = outcome.DeliveryStatus,
                    At = now,
                };
                lock (reports)
                {
                    reports.Add(new DeliveryUpdate(account.Id, report));
                }
            }
        }

        return transitions;
    }

    private static OutgoingMessage ToOutgoing(ClaimedMessage message, ProviderAccount account) => new()
    {
        Id = message.Id,
        To = message.To,
        Text = message.Text,
        Sender = account.Sender,
        Priority = message.Priority,
        ExpiresAt = message.ExpiresAt,
        Attempt = message.Attempts + 1,
        ProviderOptions = message.ProviderOptions,
        OutcomeAwaitedUntil = message.OutcomeAwaitedUntil,
    };

    /// <summary>
    /// Puts back, as Scheduled until the provider's window opens, the messages it may not send now (an operator's
    /// quiet hours); no attempt is counted. A message whose expiry comes first is claimed at its expiry and expires.
    /// </summary>
    /// <returns>The messages that may go now.</returns>
    private List<ClaimedMessage> HoldOutsideWindow(
        ISendWindow window, ProviderAccount account, List<ClaimedMessage> messages, DateTimeOffset now, List<MessageTransition> transitions)
    {
        var context = _callbacks.ContextFor(account);
        var ready = new List<ClaimedMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (window.NotBefore(context, ToOutgoing(message, account), now) is { } notBefore && notBefore > now)
            {
                var dueAt = message.ExpiresAt is { } expiresAt && expiresAt < notBefore ? expiresAt : notBefore;
                _logger.MessageHeld(message.Id, account.Name, notBefore);
                transitions.Add(TransitionFactory.Held(message, Owner, now, dueAt));
            }
            else
            {
                ready.Add(message);
            }
        }

        return ready;
    }

    /// <summary>
    /// Applies the delivery states providers gave with their answers, once the Sent writes are in, so a caller waiting
    /// on the request sees them at the next pulse. A failure loses no message: each stays Sent and awaits its report.
    /// </summary>
    private async Task ApplySyncOutcomesAsync(List<DeliveryUpdate> reports)
    {
        if (reports.Count == 0)
        {
            return;
        }

        try
        {
            await _store.ApplyDeliveryReportsAsync(reports, CancellationToken.None);
        }
#pragma warning disable CA1031 // The messages are sent and recorded; a lost outcome is only a missed shortcut.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.SyncOutcomesLost(reports.Count, exception);
        }
    }

    /// <summary>Why an account cannot send, or <see langword="null"/> when it can.</summary>
    private string? ProblemsOf(ProviderAccount account)
    {
        var problems = _accountProblems.GetValue(account, a => _accountChecker.Check(a).ToString());
        return problems.Length == 0 ? null : problems;
    }

    private MessageTransition Decide(ClaimedMessage message, SendOutcome outcome, DateTimeOffset now, DateTimeOffset? nextPollAt, DispatcherOptions settings)
    {
        switch (outcome.Kind)
        {
            case SendOutcomeKind.Accepted:
                return TransitionFactory.Sent(message, Owner, outcome, now, nextPollAt);
            case SendOutcomeKind.Permanent:
                _logger.MessageFailed(message.Id, new MaskedPhone(message.To), outcome.Code, outcome.Text);
                return TransitionFactory.Failed(message, Owner, outcome.Code ?? "permanent", outcome.Text, now, attempted: true);
            default:
                var attempt = message.Attempts + 1;
                var code = outcome.Code ?? "transient";
                if (attempt >= settings.MaxAttempts && message.ExpiresAt is null)
                {
                    _logger.MessageFailed(message.Id, new MaskedPhone(message.To), code, outcome.Text);
                    return TransitionFactory.Failed(message, Owner, code, $"Gave up after {attempt} attempts: {outcome.Text}", now, attempted: true);
                }

                var delay = RetrySchedule.DelayAfter(attempt, settings, outcome.RetryAfter);
                var dueAt = now + delay;
                if (message.ExpiresAt is { } expiresAt && dueAt > expiresAt)
                {
                    // Claimed again at its expiry, it becomes Expired rather than a late send.
                    dueAt = expiresAt;
                }

                _logger.RetryScheduled(message.Id, dueAt - now, attempt, code);
                return TransitionFactory.Retry(message, Owner, code, outcome.Text, now, dueAt);
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rasan.Dispatch;
using Rasan.Providers;
using Rasan.Storage;
using Rasan.Telemetry;
using Rasan.Tracking;

namespace Rasan.Delivery;

/// <summary>
/// One delivery-status pass: asks each polled provider about sent messages whose poll is due, applies the reports,
/// and schedules the next poll of the messages still on their way (or stops polling them past the give-up age).
/// </summary>
internal sealed class DeliveryPoller(
    IMessageStore store,
    AccountDirectory accounts,
    ProviderRegistry providers,
    StatusNotifier notifier,
    RasanInstrumentation instrumentation,
    IOptions<RasanOptions> options,
    TimeProvider time,
    ILogger<DeliveryPoller> logger)
{
    public const int BatchSize = 1_000;

    /// <summary>Runs one pass.</summary>
    /// <returns>How many messages were polled.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await store.GetDueForPollingAsync(now, BatchSize, cancellationToken);
        foreach (var group in due.GroupBy(c => c.AccountId))
        {
            await PollAccountAsync(group.Key, group.Select(c => c.Message).ToList(), cancellationToken);
        }

        if (due.Count > 0)
        {
            notifier.Pulse();
        }

        return due.Count;
    }

    private async Task PollAccountAsync(AccountId accountId, List<SentMessage> messages, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(accountId, cancellationToken);
        if (account is null || providers.Find(account.ProviderType) is not IDeliveryStatusPoller poller)
        {
            await store.ReschedulePollAsync(messages.ConvertAll(m => m.Id), null, cancellationToken);
            return;
        }

        var settings = options.Value.Dispatcher;
        foreach (var chunk in messages.Chunk(Math.Max(1, poller.MaxPollBatchSize)))
        {
            var finished = new HashSet<MessageId>();
            try
            {
                using var timeout = new CancellationTokenSource(settings.ProviderTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                var reports = await poller.PollAsync(new ProviderContext(account), chunk, linked.Token);
                await store.ApplyDeliveryReportsAsync(reports.Select(r => new DeliveryUpdate(accountId, r)).ToArray(), cancellationToken);
                instrumentation.DeliveryReports.Add(reports.Count);
                var byProviderId = chunk.Where(m => m.ProviderMessageId is not null).ToDictionary(m => m.ProviderMessageId!, m => m.Id);
                foreach (var report in reports.Where(r => r.State != DeliveryState.Pending))
                {
                    if (report.MessageId is { } id)
                    {
                        finished.Add(id);
                    }
                    else if (report.ProviderMessageId is { } providerId && byProviderId.TryGetValue(providerId, out var matched))
                    {
                        finished.Add(matched);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Only the exception's type: provider messages may carry keys (some put them in the URL path).
                logger.DeliveryPollFailed(account.Name, exception.GetType().Name);
            }

            var now = time.GetUtcNow();
            var open = chunk.Where(m => !finished.Contains(m.Id)).ToArray();
            var givenUp = open.Where(m => m.SentAt + settings.DeliveryPollGiveUp <= now).Select(m => m.Id).ToArray();
            var later = open.Where(m => m.SentAt + settings.DeliveryPollGiveUp > now).Select(m => m.Id).ToArray();
            if (givenUp.Length > 0)
            {
                await store.ReschedulePollAsync(givenUp, null, cancellationToken);
            }

            if (later.Length > 0)
            {
                await store.ReschedulePollAsync(later, now + settings.DeliveryPollInterval, cancellationToken);
            }
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rasan.Storage;
using Rasan.Telemetry;

namespace Rasan.Dispatch;

/// <summary>
/// Runs dispatch passes: back to back while full batches come, otherwise at the next wake-up signal or poll. On
/// shutdown it finishes the running pass and gives back its leases, so another host can send those messages at once.
/// The dispatcher is resolved when dispatching starts, after start-up validation, so a missing store is reported by
/// that validation's one clear line rather than by a resolution error.
/// </summary>
internal sealed class DispatcherHostedService(
    IServiceProvider services,
    DispatchSignal signal,
    IOptions<RasanOptions> options,
    TimeProvider time,
    ILogger<DispatcherHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Dispatcher;
        if (!settings.Enabled)
        {
            return;
        }

        await Task.Yield();
        var dispatcher = services.GetRequiredService<Dispatcher>();
        var store = services.GetRequiredService<IMessageStore>();
        logger.DispatcherStarted(dispatcher.Owner);
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await dispatcher.RunOnceAsync();
            }
#pragma warning disable CA1031 // A failed pass (database briefly away) must not end dispatching.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.DispatchPassFailed(exception);
                claimed = 0;
            }

            if (claimed >= settings.ClaimBatchSize)
            {
                continue;
            }

            try
            {
                if (await signal.WaitAsync(settings.PollInterval, time, stoppingToken) && settings.WakeUpDelay > TimeSpan.Zero)
                {
                    // Let a burst of accepts land before claiming, so it is claimed and written in a few passes
                    // rather than one small pass per request.
                    await Task.Delay(settings.WakeUpDelay, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        await dispatcher.DrainAsync();
        var released = await store.ReleaseAsync(dispatcher.Owner, time.GetUtcNow(), CancellationToken.None);
        logger.DispatcherStopped(dispatcher.Owner, released);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rasan.Telemetry;

namespace Rasan.Delivery;

/// <summary>
/// Runs delivery-status passes every poll interval, back to back while there is a backlog. The poller is resolved
/// when polling starts, after start-up validation.
/// </summary>
internal sealed class DeliveryPollerHostedService(
    IServiceProvider services,
    IOptions<RasanOptions> options,
    TimeProvider time,
    ILogger<DeliveryPollerHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Dispatcher;
        if (!settings.Enabled)
        {
            return;
        }

        await Task.Yield();
        var poller = services.GetRequiredService<DeliveryPoller>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var polled = 0;
            try
            {
                polled = await poller.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A failed pass (database briefly away) must not end polling.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.DeliveryPassFailed(exception);
            }

            if (polled >= DeliveryPoller.BatchSize)
            {
                continue;
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rasan.Telemetry;

namespace Rasan.Tokens;

/// <summary>
/// Writes the API tokens' last-use times every <see cref="Interval"/>, and once more when the host stops. The recorder
/// is resolved at the first write, so a host without a store fails on the options check that names the fix.
/// </summary>
internal sealed class TokenUseFlushService(IServiceProvider services, TimeProvider time, ILogger<TokenUseFlushService> logger) : BackgroundService
{
    /// <summary>How often last-use times are written: the most they lag behind.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<TokenUseRecorder>().FlushAsync(cancellationToken);
        }
#pragma warning disable CA1031 // A last-use time is bookkeeping: a failed write is retried at the next flush, never fatal.
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.TokenUseNotRecorded(exception);
        }
    }
}

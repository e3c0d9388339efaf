using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rasan.AspNetCore.Errors;
using Rasan.Auditing;

namespace Rasan.AspNetCore.ApiCalls;

/// <summary>
/// Writes recorded API calls in batches (up to <see cref="BatchSize"/>, at least every <see cref="FlushInterval"/>),
/// deletes those older than <see cref="RasanApiOptions.ApiCallLogRetention"/> once an hour, and writes what is left
/// when the host stops. A failed write is logged and its batch dropped: the log never holds up the API.
/// </summary>
internal sealed class ApiCallLogWriter(
    ApiCallRecorder recorder,
    IServiceProvider services,
    IOptions<RasanApiOptions> options,
    TimeProvider time,
    ILogger<ApiCallLogWriter> logger) : BackgroundService
{
    public const int BatchSize = 500;
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _nextRetention = DateTimeOffset.MinValue;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteWaitingAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await recorder.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(FlushInterval, time, stoppingToken);
                await WriteWaitingAsync(stoppingToken);
                await ApplyRetentionAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    private async Task WriteWaitingAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IApiCallStore>();
        var batch = new List<ApiCall>(BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchSize && recorder.Reader.TryRead(out var call))
            {
                batch.Add(call);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await store.AppendAsync(batch, cancellationToken);
            }
#pragma warning disable CA1031 // The API-call log is bookkeeping: a failed write never fails or slows the API.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.ApiCallsNotWritten(batch.Count, exception);
            }
        }
    }

    private async Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextRetention)
        {
            return;
        }

        _nextRetention = now + RetentionInterval;
        try
        {
            await services.GetRequiredService<IApiCallStore>().DeleteBeforeAsync(now - options.Value.ApiCallLogRetention, cancellationToken);
        }
#pragma warning disable CA1031 // Retention is retried at the next interval.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.ApiCallRetentionFailed(exception);
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.Logs;

/// <summary>
/// Writes a <see cref="BatchedLog{T}"/> in batches: up to <see cref="BatchSize"/>, at once when that many wait, otherwise
/// every <see cref="FlushInterval"/>. Deletes entries older than the retention once an hour, and writes what is left
/// when the host stops. A failed write is logged and its batch dropped: the log never holds up the API.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
internal abstract class BatchedLogWriter<T>(BatchedLog<T> log, TimeProvider time, ILogger logger) : BackgroundService
{
    public const int BatchSize = 1_000;
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _nextRetention = DateTimeOffset.MinValue;

    /// <summary>The log's name, for the log lines about it.</summary>
    protected abstract string Name { get; }

    /// <summary>How long entries are kept.</summary>
    protected abstract TimeSpan Retention { get; }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteWaitingAsync(cancellationToken);
    }

    /// <summary>Stores a batch.</summary>
    protected abstract Task AppendAsync(IReadOnlyList<T> batch, CancellationToken cancellationToken);

    /// <summary>Deletes the entries older than <paramref name="before"/>.</summary>
    protected abstract Task DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken))
            {
                if (log.Reader.Count < BatchSize)
                {
                    // Let a few more gather, so a quiet API writes seldom and a busy one in full batches.
                    await Task.Delay(FlushInterval, time, stoppingToken);
                }

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
        var batch = new List<T>(BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchSize && log.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await AppendAsync(batch, cancellationToken);
            }
#pragma warning disable CA1031 // These logs are bookkeeping: a failed write never fails or slows the API.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogEntriesNotWritten(batch.Count, Name, exception);
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
            await DeleteBeforeAsync(now - Retention, cancellationToken);
        }
#pragma warning disable CA1031 // Retention is retried at the next interval.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogRetentionFailed(Name, exception);
        }
    }
}

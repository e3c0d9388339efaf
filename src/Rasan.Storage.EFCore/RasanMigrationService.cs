using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rasan.Storage.EFCore;

/// <summary>
/// Applies pending migrations in <see cref="IHostedLifecycleService.StartingAsync"/> when
/// <see cref="RasanStorageOptions.MigrateOnStartup"/> is set, so the schema is ready before any hosted service starts.
/// </summary>
internal sealed partial class RasanMigrationService(
    IDbContextFactory<RasanDbContext> contextFactory,
    IOptions<RasanStorageOptions> options,
    ILogger<RasanMigrationService> logger) : IHostedLifecycleService
{
    private const int MigrateAttempts = 5;
    private static readonly TimeSpan MigrateRetryDelay = TimeSpan.FromMilliseconds(500);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var migrating = await contextFactory.CreateDbContextAsync(cancellationToken);
                await migrating.Database.MigrateAsync(cancellationToken);
                MigrationsApplied(logger, pending.Count, pending[^1]);
                return;
            }
            catch (Exception exception) when (attempt < MigrateAttempts && !cancellationToken.IsCancellationRequested)
            {
                // Hosts starting together may each apply the same migration: the loser's transaction fails (a column
                // or table that already exists) and rolls back. Once the winner commits, nothing is pending.
                await using var check = await contextFactory.CreateDbContextAsync(cancellationToken);
                if (!(await check.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                {
                    MigratedByAnotherHost(logger, exception.GetType().Name);
                    return;
                }

                await Task.Delay(MigrateRetryDelay * attempt, cancellationToken);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 10001, Level = LogLevel.Information, Message = "Applied {Count} Rasan database migrations, up to {Latest}")]
    private static partial void MigrationsApplied(ILogger logger, int count, string latest);

    [LoggerMessage(EventId = 10002, Level = LogLevel.Information, Message = "Another host applied the Rasan database migrations first ({Failure} here)")]
    private static partial void MigratedByAnotherHost(ILogger logger, string failure);
}

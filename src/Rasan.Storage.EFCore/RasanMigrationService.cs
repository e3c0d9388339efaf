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

        await db.Database.MigrateAsync(cancellationToken);
        MigrationsApplied(logger, pending.Count, pending[^1]);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 15001, Level = LogLevel.Information, Message = "Applied {Count} Rasan database migrations, up to {Latest}")]
    private static partial void MigrationsApplied(ILogger logger, int count, string latest);
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Auditing;
using Rasan.Storage;
using Rasan.Storage.EFCore;
using Rasan.Testing;
using Xunit;

namespace Rasan.Storage.EFCore.Sqlite.Tests;

/// <summary>A migrated SQLite file in a temp directory, with the Rasan stores over it; deleted at the end.</summary>
public sealed class SqliteTestDatabase : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rasan-sqlite-").FullName;
    private ServiceProvider? _provider;

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "rasan.db")}";

    public IServiceProvider Services => _provider!;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddRasan().AddSqliteStores(ConnectionString);
        _provider = services.BuildServiceProvider();
        await using var db = await CreateContextAsync();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public Task<RasanDbContext> CreateContextAsync()
        => Services.GetRequiredService<IDbContextFactory<RasanDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    /// <summary>Empties every table and returns the stores.</summary>
    public async Task<StoreSet> ResetAsync()
    {
        await using var db = await CreateContextAsync();
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM audit_entries; DELETE FROM api_calls; DELETE FROM message_events; DELETE FROM messages; DELETE FROM requests; DELETE FROM api_tokens; DELETE FROM services; DELETE FROM accounts;",
            TestContext.Current.CancellationToken);
        return new StoreSet(
            Services.GetRequiredService<IMessageStore>(), Services.GetRequiredService<ITenancyStore>(), Services.GetRequiredService<IApiCallStore>(),
            Services.GetRequiredService<IAuditStore>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

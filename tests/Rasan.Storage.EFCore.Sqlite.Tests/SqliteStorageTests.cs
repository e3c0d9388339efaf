using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rasan.Storage;
using Xunit;

namespace Rasan.Storage.EFCore.Sqlite.Tests;

public sealed class SqliteStorageTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Migrations_EmptyDatabase_CreateEveryTable()
    {
        await _database.InitializeAsync();
        await using var db = await _database.CreateContextAsync();

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .ToListAsync(Ct);

        Assert.Superset(
            new HashSet<string> { "accounts", "api_tokens", "message_events", "messages", "requests", "services", "__EFMigrationsHistory" },
            tables.ToHashSet());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task Migrations_DatabaseOfTheFirstSchema_UpgradeKeepingItsQueuedMessages()
    {
        await _database.InitializeAsync();
        var store = _database.Services.GetRequiredService<IMessageStore>();
        var at = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var queued = Request(ServiceId.New(at), at, MessageId.New(at));
        await store.AcceptAsync([queued], Ct);
        await using (var db = await _database.CreateContextAsync())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261123171213_InitialCreate", cancellationToken: Ct);
            Assert.Contains("20261123234251_HubManagement", await db.Database.GetPendingMigrationsAsync(Ct));
            await migrator.MigrateAsync(cancellationToken: Ct);
        }

        var claimed = Assert.Single(await store.ClaimAsync(new ClaimOptions { Owner = "host", Now = at, LeaseDuration = TimeSpan.FromMinutes(1), Limit = 10 }, Ct));

        Assert.Equal(queued.Messages[0].Id, claimed.Id);
        Assert.Empty(claimed.ProviderOptions);
        Assert.Null(claimed.OutcomeAwaitedUntil);
    }

    [Fact]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges()
    {
        await _database.InitializeAsync();
        await using var db = await _database.CreateContextAsync();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Connection_OpenedFreshOrFromThePool_UsesWalWithNormalSyncAndForeignKeys(int opens)
    {
        await _database.InitializeAsync();
        for (var open = 1; open < opens; open++)
        {
            await using var earlier = await _database.CreateContextAsync();
            await earlier.Database.OpenConnectionAsync(Ct);
        }

        await using var db = await _database.CreateContextAsync();
        await db.Database.OpenConnectionAsync(Ct);

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(db, "synchronous"));
        Assert.Equal("1", await PragmaAsync(db, "foreign_keys"));
        Assert.Equal("30000", await PragmaAsync(db, "busy_timeout"));
    }

    [Fact]
    public void AddSqliteStores_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();

        services.AddRasan().AddSqliteStores("Data Source=a.db").AddSqliteStores("Data Source=b.db");

        Assert.Single(services, d => d.ServiceType == typeof(IMessageStore));
        Assert.Single(services, d => d.ServiceType == typeof(ITenancyStore));
        Assert.Single(services, d => d.ServiceType == typeof(IDbContextFactory<RasanDbContext>));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "RasanMigrationService");
    }

    [Fact]
    public async Task MigrateOnStartup_Enabled_MigratesBeforeHostedServicesStart()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRasan().AddSqliteStores(_database.ConnectionString, o => o.MigrateOnStartup = true);
        await using var provider = services.BuildServiceProvider();
        var migrator = Assert.Single(provider.GetServices<IHostedService>().OfType<IHostedLifecycleService>());

        await migrator.StartingAsync(Ct);

        await using var db = await provider.GetRequiredService<IDbContextFactory<RasanDbContext>>().CreateDbContextAsync(Ct);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Ct));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task AcceptAsync_BatchWithARequestTheDatabaseRefuses_StoresNoneOfItAndTheNextBatchIsStored()
    {
        await _database.InitializeAsync();
        var store = _database.Services.GetRequiredService<IMessageStore>();
        var at = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var service = ServiceId.New(at);
        var first = Request(service, at, MessageId.New(at));
        await store.AcceptAsync([first], Ct);

        // The batch's second request reuses the first one's message id: SQLite refuses it with a primary-key violation.
        var fresh = Request(service, at, MessageId.New(at));
        var refused = Request(service, at, first.Messages[0].Id);
        var error = await Assert.ThrowsAsync<SqliteException>(() => store.AcceptAsync([fresh, refused], Ct));
        var next = Request(service, at, MessageId.New(at));
        var results = await store.AcceptAsync([next], Ct);

        Assert.Equal((19, 1555), (error.SqliteErrorCode, error.SqliteExtendedErrorCode));
        Assert.Equal([AcceptResult.Stored], results);
        Assert.Null(await store.GetRequestAsync(service, fresh.Id, Ct));
        Assert.Null(await store.GetRequestAsync(service, refused.Id, Ct));
        Assert.NotNull(await store.GetRequestAsync(service, next.Id, Ct));
    }

    private static NewRequest Request(ServiceId service, DateTimeOffset at, MessageId messageId)
        => new()
        {
            Id = RequestId.New(at),
            ServiceId = service,
            CreatedAt = at,
            Messages =
            [
                new NewMessage
                {
                    Id = messageId,
                    Channel = Channel.Sms,
                    To = "+989121234567",
                    Text = "hello",
                    AccountId = AccountId.New(at),
                    AccountName = "dev",
                    Priority = MessagePriority.Normal,
                    Status = MessageStatus.Queued,
                    DueAt = at,
                    Tags = [],
                },
            ],
        };

    private static async Task<string> PragmaAsync(DbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

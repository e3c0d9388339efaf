using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rasan.Storage;
using Rasan.Testing;
using Xunit;

namespace Rasan.Storage.EFCore.PostgreSql.Tests;

public sealed class PostgreSqlStorageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly PostgreSqlTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Migrations_EmptyDatabase_CreateEveryTable()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        await _database.CreateAsync(migrate: false);
        await using var db = await _database.CreateContextAsync();

        await db.Database.MigrateAsync(Ct);

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            .ToListAsync(Ct);
        Assert.Superset(
            new HashSet<string> { "accounts", "api_tokens", "message_events", "messages", "requests", "services", "__EFMigrationsHistory" },
            tables.ToHashSet());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task MigrateOnStartup_SeveralHostsAtOnceOnAnEmptyDatabase_AllStartAndTheSchemaIsCurrent()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        await _database.CreateAsync(migrate: false);

        var hosts = Enumerable.Range(0, 4).Select(_ =>
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddRasan().AddPostgreSqlStores(_database.ConnectionString, o => o.MigrateOnStartup = true);
            return services.BuildServiceProvider();
        }).ToList();
        try
        {
            await Task.WhenAll(hosts.Select(h => Assert.Single(h.GetServices<IHostedService>().OfType<IHostedLifecycleService>()).StartingAsync(Ct)));

            await using var db = await _database.CreateContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AddAccount_Secret_IsEncryptedInTheTableAndReadByAnotherHost()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        await _database.CreateAsync(migrate: true);
        const string apiKey = "SECRET-7f3a9c1e5b2d4f6a8c0e";
        var account = new ProviderAccount
        {
            Id = new AccountId(Guid.NewGuid()), Name = "main", ProviderType = "kavenegar", Channel = Channel.Sms, CreatedAt = Start,
            Settings = new Dictionary<string, string> { ["apiKey"] = apiKey },
        };
        await _database.Services.GetRequiredService<ITenancyStore>().AddAccountAsync(account, Ct);

        var services = new ServiceCollection();
        services.AddRasan().AddPostgreSqlStores(_database.ConnectionString);
        await using var otherHost = services.BuildServiceProvider();
        var read = Assert.Single(await otherHost.GetRequiredService<ITenancyStore>().ListAccountsAsync(Ct));
        await using var db = await _database.CreateContextAsync();
        var raw = await db.Database.SqlQueryRaw<string>("SELECT settings AS \"Value\" FROM accounts").SingleAsync(Ct);

        Assert.Equal(apiKey, read.Settings["apiKey"]);
        Assert.DoesNotContain(apiKey, raw, StringComparison.Ordinal);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
    }

    [Fact]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        await _database.CreateAsync(migrate: false);
        await using var db = await _database.CreateContextAsync();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void AddPostgreSqlStores_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();

        services.AddRasan().AddPostgreSqlStores("Host=a").AddPostgreSqlStores("Host=b");

        Assert.Single(services, d => d.ServiceType == typeof(IMessageStore));
        Assert.Single(services, d => d.ServiceType == typeof(IDbContextFactory<RasanDbContext>));
    }

    [Fact]
    public async Task AcceptAsync_KeyInsertedByAnotherHostMeanwhile_FallsBackWithoutFailingTheBatch()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        await _database.CreateAsync(migrate: true);
        var store = _database.Services.GetRequiredService<IMessageStore>();
        var service = ServiceId.New(Start);
        var batches = Enumerable.Range(0, 8)
            .Select(host => Enumerable.Range(0, 20).Select(k => Request(service, $"key-{k}", host)).ToArray())
            .ToArray();

        var results = await Task.WhenAll(batches.Select(b => Task.Run(() => store.AcceptAsync(b, Ct), Ct)));

        for (var k = 0; k < 20; k++)
        {
            var key = k;
            var winner = Assert.Single(Enumerable.Range(0, batches.Length), h => results[h][key].Existing is null);
            Assert.All(
                Enumerable.Range(0, batches.Length).Where(h => h != winner),
                h => Assert.Equal(batches[winner][key].Id, results[h][key].Existing!.Id));
        }
    }

    [Fact]
    public async Task AcceptAsync_BatchWithARequestTheDatabaseRefuses_StoresNoneOfItAndTheNextBatchIsStored()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        await _database.CreateAsync(migrate: true);
        var store = _database.Services.GetRequiredService<IMessageStore>();
        var service = ServiceId.New(Start);
        var first = Request(service, "first", 0);
        await store.AcceptAsync([first], Ct);

        // The batch's second request reuses the first one's message id: a primary-key violation, not a key race.
        var fresh = Request(service, "fresh", 1);
        var refused = Request(service, "refused", 2) with { Messages = first.Messages };
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => store.AcceptAsync([fresh, refused], Ct));
        var next = Request(service, "next", 3);
        var results = await store.AcceptAsync([next], Ct);

        Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Equal([AcceptResult.Stored], results);
        Assert.Null(await store.GetRequestAsync(service, fresh.Id, Ct));
        Assert.Null(await store.GetRequestAsync(service, refused.Id, Ct));
        Assert.NotNull(await store.GetRequestAsync(service, next.Id, Ct));
    }

    [Fact]
    public async Task AcceptAsync_KeptConnectionTerminatedByTheServer_FailsAsADatabaseErrorAtMostOnceThenStores()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        await _database.CreateAsync(migrate: true);
        var store = _database.Services.GetRequiredService<IMessageStore>();
        var service = ServiceId.New(Start);
        await store.AcceptAsync([Request(service, "before", 0)], Ct);

        // As a server restart or an administrator would: end every session of the database but this one.
        await using (var admin = new Npgsql.NpgsqlConnection(PostgresServer.ConnectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin);
            kill.Parameters.AddWithValue("db", new Npgsql.NpgsqlConnectionStringBuilder(_database.ConnectionString).Database!);
            Assert.True((long)(await kill.ExecuteScalarAsync(Ct))! >= 1);
        }

        var during = Request(service, "during", 1);
        var failure = await Record.ExceptionAsync(() => store.AcceptAsync([during], Ct));
        var after = Request(service, "after", 2);
        var results = await store.AcceptAsync([after], Ct);

        // The broken kept connection may fail one accept with a database error (EF Core may wrap it; the API answers
        // 503 for either), never more.
        var causes = new List<Exception>();
        for (var cause = failure; cause is not null; cause = cause.InnerException)
        {
            causes.Add(cause);
        }

        Assert.True(failure is null || causes.Any(c => c is System.Data.Common.DbException), failure?.ToString());
        Assert.Equal([AcceptResult.Stored], results);
        Assert.NotNull(await store.GetRequestAsync(service, after.Id, Ct));
        Assert.Equal(failure is null, await store.GetRequestAsync(service, during.Id, Ct) is not null);
    }

    private static NewRequest Request(ServiceId service, string key, int host)
    {
        var at = Start.AddSeconds(host);
        return new NewRequest
        {
            Id = RequestId.New(at),
            ServiceId = service,
            CreatedAt = at,
            IdempotencyKey = key,
            Fingerprint = [(byte)host],
            Messages =
            [
                new NewMessage
                {
                    Id = MessageId.New(at), Channel = Channel.Sms, To = "+1", Text = "t", AccountId = AccountId.New(Start),
                    AccountName = "dev", Priority = MessagePriority.Normal, Status = MessageStatus.Queued, DueAt = at,
                },
            ],
        };
    }
}

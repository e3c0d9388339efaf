using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rasan.Storage;
using Rasan.Storage.EFCore;
using Rasan.Testing;

namespace Rasan.Benchmarks;

/// <summary>
/// The engine over a fresh, migrated database (a SQLite file in a temp directory, or a new PostgreSQL database), with one
/// service and one development-provider account, as the standalone host bootstraps it. No hosted service runs: the
/// benchmarks drive the engine's types themselves.
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly Func<ValueTask> _cleanup;

    private BenchStore(ServiceProvider provider, Func<ValueTask> cleanup)
    {
        _provider = provider;
        _cleanup = cleanup;
    }

    public IServiceProvider Services => _provider;

    public ServiceId Service { get; private set; }

    public ProviderAccount Account { get; private set; } = null!;

    public TimedMessageStore? Timing => _provider.GetService<TimedMessageStore>();

    public IMessageStore Store => _provider.GetRequiredService<IMessageStore>();

    public static async Task<BenchStore> CreateSqliteAsync(Action<RasanOptions>? configure = null, bool timed = false)
    {
        var directory = Directory.CreateTempSubdirectory("rasan-bench-").FullName;
        var path = Path.Combine(directory, "rasan.db");
        var store = await CreateAsync(
            b => b.AddSqliteStores($"Data Source={path}"),
            configure,
            () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
                return ValueTask.CompletedTask;
            },
            timed);
        return store;
    }

    public static async Task<BenchStore> CreateAsync(
        Action<IRasanBuilder> addStores, Action<RasanOptions>? configure, Func<ValueTask> cleanup, bool timed = false)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var builder = services.AddRasan(o => configure?.Invoke(o));
        addStores(builder);
        if (timed)
        {
            services.DecorateSingleton<IMessageStore, TimedMessageStore>(store => new TimedMessageStore(store));
        }

        builder.AddDevelopmentProvider(o => o.DeliveryDelay = TimeSpan.FromSeconds(1));
        var provider = services.BuildServiceProvider();
        var bench = new BenchStore(provider, cleanup);
        await bench.InitializeAsync();
        return bench;
    }

    public NewRequest NewSingleMessageRequest(DateTimeOffset now, string to = "+989121234567", string text = "Your code is 12345")
        => new()
        {
            Id = new RequestId(Guid.CreateVersion7(now)),
            ServiceId = Service,
            CreatedAt = now,
            Messages =
            [
                new NewMessage
                {
                    Id = new MessageId(Guid.CreateVersion7(now)),
                    Channel = Channel.Sms,
                    To = to,
                    Text = text,
                    AccountId = Account.Id,
                    AccountName = Account.Name,
                    Priority = MessagePriority.Normal,
                    Status = MessageStatus.Queued,
                    DueAt = now,
                },
            ],
        };

    /// <summary>Stores <paramref name="count"/> queued single-message requests through the store, <paramref name="batch"/> per transaction.</summary>
    public async Task SeedQueuedAsync(int count, int batch)
    {
        var now = DateTimeOffset.UtcNow;
        for (var done = 0; done < count; done += batch)
        {
            var requests = new NewRequest[Math.Min(batch, count - done)];
            for (var i = 0; i < requests.Length; i++)
            {
                // Last digit 5: the development provider fails numbers ending in 0000 and 0001, and this measures the Sent path.
                requests[i] = NewSingleMessageRequest(now, $"+98912{(done + i) % 1_000_000:D6}5");
            }

            await Store.AcceptAsync(requests, CancellationToken.None);
        }
    }

    /// <summary>Counts messages per status, straight from the database.</summary>
    public async Task<IReadOnlyDictionary<MessageStatus, int>> CountByStatusAsync()
    {
        var factory = _provider.GetRequiredService<IDbContextFactory<RasanDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var rows = await db.Messages.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return rows.ToDictionary(r => (MessageStatus)r.Key, r => r.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _cleanup();
    }

    private async Task InitializeAsync()
    {
        var factory = _provider.GetRequiredService<IDbContextFactory<RasanDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var tenancy = _provider.GetRequiredService<ITenancyStore>();
        var now = DateTimeOffset.UtcNow;
        var service = new ClientService { Id = new ServiceId(Guid.CreateVersion7()), Name = "default", CreatedAt = now };
        await tenancy.AddServiceAsync(service, CancellationToken.None);
        Account = new ProviderAccount
        {
            Id = new AccountId(Guid.CreateVersion7()),
            Name = "dev",
            ProviderType = DevelopmentRasanBuilderExtensions.DevelopmentProviderType,
            Channel = Channel.Sms,
            CreatedAt = now,
        };
        await tenancy.AddAccountAsync(Account, CancellationToken.None);
        Service = service.Id;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Rasan.Delivery;
using Rasan.Development;
using Rasan.Dispatch;
using Rasan.Storage;

namespace Rasan.Tests;

/// <summary>The engine over the in-memory store with a fake clock: passes are run by hand, time is moved, never waited for.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private EngineHarness(ServiceProvider provider, ServiceId service, ProviderAccount account)
    {
        Provider = provider;
        Service = service;
        Account = account;
    }

    public ServiceProvider Provider { get; }

    public ServiceId Service { get; }

    public ProviderAccount Account { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)Provider.GetRequiredService<TimeProvider>();

    public IMessageSender Sender => Provider.GetRequiredService<IMessageSender>();

    public IMessageTracker Tracker => Provider.GetRequiredService<IMessageTracker>();

    public IMessageStore Store => Provider.GetRequiredService<IMessageStore>();

    public ITenancyStore Tenancy => Provider.GetRequiredService<ITenancyStore>();

    public Dispatcher Dispatcher => Provider.GetRequiredService<Dispatcher>();

    public DeliveryPoller Poller => Provider.GetRequiredService<DeliveryPoller>();

    public DevelopmentLedger Ledger => Provider.GetRequiredService<DevelopmentLedger>();

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public static async Task<EngineHarness> CreateAsync(
        Action<RasanOptions>? configure = null, Action<IServiceCollection>? services = null, double rateLimit = 0)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
        collection.AddFakeLogging(o => o.OutputSink = null);
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        collection.AddRasan(o =>
        {
            o.Dispatcher.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.Dispatcher.RetryMaxDelay = TimeSpan.FromSeconds(30);
            configure?.Invoke(o);
        })
            .AddInMemoryStores()
            .AddDevelopmentProvider(o => o.DeliveryDelay = TimeSpan.FromSeconds(2));
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var tenancy = provider.GetRequiredService<ITenancyStore>();
        var service = new ClientService { Id = new ServiceId(Guid.NewGuid()), Name = "default", CreatedAt = Start };
        await tenancy.AddServiceAsync(service, CancellationToken.None);
        var account = new ProviderAccount
        {
            Id = new AccountId(Guid.NewGuid()),
            Name = "dev",
            ProviderType = DevelopmentRasanBuilderExtensions.DevelopmentProviderType,
            Channel = Channel.Sms,
            RateLimitPerSecond = rateLimit,
            CreatedAt = Start,
        };
        await tenancy.AddAccountAsync(account, CancellationToken.None);
        return new EngineHarness(provider, service.Id, account);
    }

    public Task<SendReceipt> SendAsync(params string[] to)
        => Sender.SendAsync(Service, new SendRequest { To = to, Text = "hello" });

    public async Task<MessageStatus> StatusAsync(MessageId id)
        => (await Tracker.GetMessageAsync(Service, id))!.Status;

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}

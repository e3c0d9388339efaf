using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Rasan.Tests;

public sealed class RasanServiceCollectionExtensionsTests
{
    [Fact]
    public void AddRasan_CalledTwice_RegistersTheEngineOnce()
    {
        var services = new ServiceCollection();

        services.AddRasan();
        services.AddRasan(o => o.MaxTextLength = 10);

        Assert.Single(services, d => d.ServiceType == typeof(IMessageSender));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DispatcherHostedService");
    }

    [Fact]
    public async Task StartAsync_NoStore_FailsWithOneLineNamingTheFixes()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRasan();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("AddSqliteStores", failure, StringComparison.Ordinal);
        Assert.Contains("AddInMemoryStores", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidSettings_ReportsEveryBadSettingAtOnce()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRasan(o =>
        {
            o.DefaultRegion = "iran";
            o.MaxTextLength = 0;
            o.Dispatcher.ProviderTimeout = TimeSpan.FromMinutes(5);
            o.Callbacks.BaseUrl = new Uri("ftp://hub.example/");
            o.Callbacks.SigningKey = "too-short";
        }).AddInMemoryStores();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.Contains("DefaultRegion", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxTextLength", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ProviderTimeout", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Rasan:Callbacks:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Rasan:Callbacks:SigningKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_MisspeltConfigurationKey_FailsNamingIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rasan:MaxTextLenght"] = "10" })
            .Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRasan(configuration.GetSection("Rasan")).AddInMemoryStores();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("MaxTextLenght", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ConfiguredWithStore_StartsAndStops()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rasan:Dispatcher:PollInterval"] = "00:00:00.050" })
            .Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRasan(configuration.GetSection("Rasan")).AddInMemoryStores().AddDevelopmentProvider();
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromMilliseconds(50), host.Services.GetRequiredService<IOptions<RasanOptions>>().Value.Dispatcher.PollInterval);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Rasan.Providers.Kannel.Tests;

public sealed class KannelRasanBuilderExtensionsTests
{
    [Fact]
    public void AddKannel_CalledTwice_RegistersOneProvider()
    {
        var services = new ServiceCollection();
        var builder = new TestRasanBuilder(services);

        Assert.Same(builder, builder.AddKannel());
        Assert.Same(builder, builder.AddKannel(o => o.MaxBatchSize = 10));
        using var provider = services.BuildServiceProvider();

        var kannel = Assert.Single(provider.GetServices<IMessageProvider>());
        Assert.Equal("kannel", kannel.Descriptor.Type);
        Assert.Equal(10, kannel.Descriptor.MaxBatchSize);
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<KannelOptions>));
    }

    [Fact]
    public void Descriptor_Fields_AreUrlUsernameSecretPasswordAndOptionalSmsc()
    {
        using var host = new KannelTestHost();

        var descriptor = host.Provider.Descriptor;

        Assert.Equal(Channel.Sms, descriptor.Channel);
        Assert.Equal(50, descriptor.MaxBatchSize);
        Assert.Equal(["url", "username", "password", "smsc"], descriptor.Fields.Select(f => f.Name));
        Assert.Equal([true, true, true, false], descriptor.Fields.Select(f => f.Required));
        Assert.Equal(["password"], descriptor.Fields.Where(f => f.Secret).Select(f => f.Name));
        Assert.IsAssignableFrom<ICallbackParser>(host.Provider);
        Assert.IsAssignableFrom<IAccountValidator>(host.Provider);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_FailsNamingEveryBadSetting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        new TestRasanBuilder(builder.Services).AddKannel(o =>
        {
            o.MaxBatchSize = 0;
            o.MaxConcurrentRequests = 1000;
            o.DlrMask = 64;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.Contains(nameof(KannelOptions.MaxBatchSize), StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains(nameof(KannelOptions.MaxConcurrentRequests), StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains(nameof(KannelOptions.DlrMask), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_MisspeltConfigurationKey_FailsNamingIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rasan:Kannel:DlrMaks"] = "27" })
            .Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        new TestRasanBuilder(builder.Services).AddKannel(configuration.GetSection("Rasan:Kannel"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("DlrMaks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKannel_ConfigurationSection_BindsSettings()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kannel:DlrMask"] = "27",
                ["Kannel:MaxConcurrentRequests"] = "4",
            })
            .Build();
        var services = new ServiceCollection();
        new TestRasanBuilder(services).AddKannel(configuration.GetSection("Kannel"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<KannelOptions>>().Value;

        Assert.Equal(27, options.DlrMask);
        Assert.Equal(4, options.MaxConcurrentRequests);
        Assert.Equal(50, options.MaxBatchSize);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.Ghasedak.Tests;

public sealed class GhasedakRasanBuilderExtensionsTests
{
    [Fact]
    public async Task AddGhasedak_CalledTwice_RegistersOneProviderAndOneLoggingHandler()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        await using var services = ProviderTestServices.Create(b => b
            .AddGhasedak()
            .AddGhasedak(o => o.BaseAddress = harness.Fake.GatewayAddress)
            .AddGhasedak(o => o.MaxBatchSize = 50));

        var provider = Assert.Single(services.Services.GetServices<IMessageProvider>());
        await provider.SendAsync(harness.Context(), [GhasedakHarness.Message("+989121111111")], TestContext.Current.CancellationToken);

        Assert.Equal(50, provider.Descriptor.MaxBatchSize);
        Assert.Single(services.Logs.GetSnapshot(), r => r.Id.Id == 12001);
        Assert.Single(harness.Fake.Requests);
        Assert.Single(services.Services.GetServices<IValidateOptions<GhasedakOptions>>());
    }

    [Fact]
    public async Task AddGhasedak_Defaults_DescribeTheGhasedakSmsProvider()
    {
        await using var services = ProviderTestServices.Create(b => b.AddGhasedak());

        var provider = services.Provider;
        var poller = Assert.IsAssignableFrom<IDeliveryStatusPoller>(provider);
        var options = services.Services.GetRequiredService<IOptions<GhasedakOptions>>().Value;

        Assert.Equal("ghasedak", provider.Descriptor.Type);
        Assert.Equal(GhasedakRasanBuilderExtensions.GhasedakProviderType, provider.Descriptor.Type);
        Assert.Equal("apiKey", GhasedakRasanBuilderExtensions.GhasedakApiKeySetting);
        Assert.Equal(Channel.Sms, provider.Descriptor.Channel);
        Assert.Equal(100, provider.Descriptor.MaxBatchSize);
        Assert.Equal(100, poller.MaxPollBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(30), poller.FirstPollDelay);
        Assert.Equal(new ProviderField("apiKey", "API key", Required: true, Secret: true), Assert.Single(provider.Descriptor.Fields));
        Assert.IsAssignableFrom<IAccountInfoProvider>(provider);
        Assert.IsAssignableFrom<IAccountValidator>(provider);
        Assert.Equal(new Uri("https://gateway.ghasedak.me/rest/api/v1/WebService/"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.False(options.UseBulkForSameText);
    }

    [Fact]
    public async Task AddGhasedak_ConfigurationSection_BindsTheSettings()
    {
        var configuration = Configuration(new()
        {
            ["Ghasedak:BaseAddress"] = "https://gw.ghasedak.me/Rest/api/v1/WebService",
            ["Ghasedak:MaxBatchSize"] = "250",
            ["Ghasedak:MaxPollBatchSize"] = "50",
            ["Ghasedak:FirstPollDelay"] = "00:01:00",
            ["Ghasedak:Timeout"] = "00:00:10",
            ["Ghasedak:UseBulkForSameText"] = "true",
        });

        await using var services = ProviderTestServices.Create(b => b.AddGhasedak(configuration.GetSection("Ghasedak")));

        var options = services.Services.GetRequiredService<IOptions<GhasedakOptions>>().Value;
        Assert.Equal(250, services.Provider.Descriptor.MaxBatchSize);
        Assert.Equal(50, options.MaxPollBatchSize);
        Assert.Equal(TimeSpan.FromMinutes(1), options.FirstPollDelay);
        Assert.True(options.UseBulkForSameText);
        var client = services.Services.GetRequiredService<IHttpClientFactory>().CreateClient("Rasan.Providers.Ghasedak");
        Assert.Equal(new Uri("https://gw.ghasedak.me/Rest/api/v1/WebService/"), client.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(10), client.Timeout);
        Assert.Empty(client.DefaultRequestHeaders);
    }

    [Fact]
    public void AddGhasedak_MisspeltConfigurationKey_FailsStartUpNamingIt()
    {
        var configuration = Configuration(new() { ["Ghasedak:MaxPollBatchSise"] = "10" });

        var exception = Assert.ThrowsAny<InvalidOperationException>(
            () => ProviderTestServices.Create(b => b.AddGhasedak(configuration.GetSection("Ghasedak"))));

        Assert.Contains("MaxPollBatchSise", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 100, "MaxBatchSize")]
    [InlineData(501, 100, "MaxBatchSize")]
    [InlineData(100, 0, "MaxPollBatchSize")]
    [InlineData(100, 101, "MaxPollBatchSize")]
    public void AddGhasedak_BatchSizeOutOfRange_FailsStartUpNamingTheOption(int batch, int poll, string option)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => ProviderTestServices.Create(b => b.AddGhasedak(o =>
        {
            o.MaxBatchSize = batch;
            o.MaxPollBatchSize = poll;
        })));

        Assert.Contains(option, exception.Message, StringComparison.Ordinal);
        Assert.Single(exception.Failures);
    }

    [Theory]
    [InlineData("rest/api/v1/WebService/")]
    [InlineData("ftp://gateway.ghasedak.me/")]
    [InlineData("https://gateway.ghasedak.me/rest/api/v1/WebService/?apiKey=1")]
    public void AddGhasedak_BaseAddressNotAnAbsoluteHttpAddress_FailsStartUpNamingTheOption(string address)
    {
        var exception = Assert.Throws<OptionsValidationException>(
            () => ProviderTestServices.Create(b => b.AddGhasedak(o => o.BaseAddress = new Uri(address, UriKind.RelativeOrAbsolute))));

        Assert.Contains("GhasedakOptions.BaseAddress", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGhasedak_SeveralBadSettings_ReportsEveryOneAtOnce()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => ProviderTestServices.Create(b => b.AddGhasedak(o =>
        {
            o.MaxBatchSize = 1_000;
            o.MaxPollBatchSize = 500;
            o.FirstPollDelay = TimeSpan.FromSeconds(-1);
            o.Timeout = TimeSpan.Zero;
            o.BaseAddress = new Uri("mailto:someone@example.com");
        })));

        Assert.All(
            ["MaxBatchSize", "MaxPollBatchSize", "FirstPollDelay", "Timeout", "BaseAddress"],
            name => Assert.Contains(name, exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void AddGhasedak_NullArguments_Throw()
    {
        var builder = new TestBuilder(new ServiceCollection());

        Assert.Throws<ArgumentNullException>(() => ((IRasanBuilder)null!).AddGhasedak());
        Assert.Throws<ArgumentNullException>(() => builder.AddGhasedak((Action<GhasedakOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddGhasedak((IConfiguration)null!));
    }

    [Fact]
    public void AddGhasedak_Always_ReturnsTheSameBuilder()
    {
        var builder = new TestBuilder(new ServiceCollection());

        Assert.Same(builder, builder.AddGhasedak());
        Assert.Same(builder, builder.AddGhasedak(_ => { }));
        Assert.Same(builder, builder.AddGhasedak(Configuration([]).GetSection("Ghasedak")));
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed record TestBuilder(IServiceCollection Services) : IRasanBuilder;
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.Kavenegar.Tests;

public sealed class KavenegarRasanBuilderExtensionsTests
{
    [Fact]
    public async Task AddKavenegar_CalledTwice_RegistersOneProviderAndOneLoggingHandler()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        await using var services = ProviderTestServices.Create(b => b
            .AddKavenegar()
            .AddKavenegar(o => o.BaseAddress = harness.Fake.BaseAddress)
            .AddKavenegar(o => o.MaxBatchSize = 50));

        var provider = Assert.Single(services.Services.GetServices<IMessageProvider>());
        await provider.SendAsync(harness.Context(), [KavenegarHarness.Message("+989121111111")], TestContext.Current.CancellationToken);

        Assert.Equal(50, provider.Descriptor.MaxBatchSize);
        Assert.Single(services.Logs.GetSnapshot(), r => r.Id.Id == 12001);
        Assert.Single(harness.Fake.Requests);
    }

    [Fact]
    public async Task AddKavenegar_Defaults_DescribeTheKavenegarSmsProvider()
    {
        await using var services = ProviderTestServices.Create(b => b.AddKavenegar());

        var provider = services.Provider;
        var poller = Assert.IsAssignableFrom<IDeliveryStatusPoller>(provider);

        Assert.Equal("kavenegar", provider.Descriptor.Type);
        Assert.Equal(KavenegarRasanBuilderExtensions.KavenegarProviderType, provider.Descriptor.Type);
        Assert.Equal(Channel.Sms, provider.Descriptor.Channel);
        Assert.Equal(200, provider.Descriptor.MaxBatchSize);
        Assert.Equal(500, poller.MaxPollBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(30), poller.FirstPollDelay);
        Assert.Equal(new ProviderField("apiKey", "API key", Required: true, Secret: true), Assert.Single(provider.Descriptor.Fields));
        Assert.IsAssignableFrom<IAccountInfoProvider>(provider);
        Assert.IsAssignableFrom<IAccountValidator>(provider);
        Assert.Equal(new Uri("https://api.kavenegar.com/"), services.Services.GetRequiredService<IOptions<KavenegarOptions>>().Value.BaseAddress);
    }

    [Fact]
    public async Task AddKavenegar_ConfigurationSection_BindsTheSettings()
    {
        var configuration = Configuration(new()
        {
            ["Kavenegar:BaseAddress"] = "http://127.0.0.1:9/kavenegar",
            ["Kavenegar:MaxBatchSize"] = "100",
            ["Kavenegar:MaxPollBatchSize"] = "250",
            ["Kavenegar:FirstPollDelay"] = "00:01:00",
            ["Kavenegar:Timeout"] = "00:00:10",
        });

        await using var services = ProviderTestServices.Create(b => b.AddKavenegar(configuration.GetSection("Kavenegar")));

        var options = services.Services.GetRequiredService<IOptions<KavenegarOptions>>().Value;
        Assert.Equal(new Uri("http://127.0.0.1:9/kavenegar"), options.BaseAddress);
        Assert.Equal(100, services.Provider.Descriptor.MaxBatchSize);
        Assert.Equal(250, options.MaxPollBatchSize);
        Assert.Equal(TimeSpan.FromMinutes(1), options.FirstPollDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        var client = services.Services.GetRequiredService<IHttpClientFactory>().CreateClient("Rasan.Providers.Kavenegar");
        Assert.Equal(new Uri("http://127.0.0.1:9/kavenegar/"), client.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(10), client.Timeout);
    }

    [Fact]
    public void AddKavenegar_MisspeltConfigurationKey_FailsStartUpNamingIt()
    {
        var configuration = Configuration(new() { ["Kavenegar:MaxBatchSze"] = "100" });

        var exception = Assert.ThrowsAny<InvalidOperationException>(
            () => ProviderTestServices.Create(b => b.AddKavenegar(configuration.GetSection("Kavenegar"))));

        Assert.Contains("MaxBatchSze", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void AddKavenegar_MaxBatchSizeOutOfRange_FailsStartUpNamingTheOption(int size)
    {
        var exception = Assert.Throws<OptionsValidationException>(
            () => ProviderTestServices.Create(b => b.AddKavenegar(o => o.MaxBatchSize = size)));

        Assert.Contains("MaxBatchSize", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/relative/")]
    [InlineData("ftp://api.kavenegar.com/")]
    [InlineData("https://api.kavenegar.com/?x=1")]
    public void AddKavenegar_BaseAddressNotAnAbsoluteHttpAddress_FailsStartUpNamingTheOption(string address)
    {
        var exception = Assert.Throws<OptionsValidationException>(
            () => ProviderTestServices.Create(b => b.AddKavenegar(o => o.BaseAddress = new Uri(address, UriKind.RelativeOrAbsolute))));

        Assert.Contains("KavenegarOptions.BaseAddress", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKavenegar_SeveralBadSettings_ReportsEveryOneAtOnce()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => ProviderTestServices.Create(b => b.AddKavenegar(o =>
        {
            o.MaxBatchSize = 500;
            o.MaxPollBatchSize = 501;
            o.FirstPollDelay = TimeSpan.FromSeconds(-1);
            o.Timeout = TimeSpan.Zero;
            o.BaseAddress = new Uri("mailto:someone@example.com");
        })));

        Assert.All(
            ["MaxBatchSize", "MaxPollBatchSize", "FirstPollDelay", "Timeout", "BaseAddress"],
            name => Assert.Contains(name, exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void AddKavenegar_NullArguments_Throw()
    {
        var builder = new TestBuilder(new ServiceCollection());

        Assert.Throws<ArgumentNullException>(() => ((IRasanBuilder)null!).AddKavenegar());
        Assert.Throws<ArgumentNullException>(() => builder.AddKavenegar((Action<KavenegarOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddKavenegar((IConfiguration)null!));
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed record TestBuilder(IServiceCollection Services) : IRasanBuilder;
}

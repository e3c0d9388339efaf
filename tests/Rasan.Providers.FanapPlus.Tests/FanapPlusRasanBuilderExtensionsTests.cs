using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

public sealed class FanapPlusRasanBuilderExtensionsTests
{
    [Fact]
    public async Task AddFanapPlus_CalledTwice_RegistersOneProviderAndOneLoggingHandler()
    {
        await using var harness = await FanapPlusHarness.StartAsync();
        await using var services = ProviderTestServices.Create(b => b
            .AddFanapPlus()
            .AddFanapPlus(o => o.BaseAddress = harness.Fake.BaseAddress)
            .AddFanapPlus(o => o.MaxBatchSize = 50));

        var provider = Assert.Single(services.Services.GetServices<IMessageProvider>());
        await provider.SendAsync(new ProviderContext(harness.Account()), [FanapPlusHarness.Message()], TestContext.Current.CancellationToken);

        Assert.Equal(50, provider.Descriptor.MaxBatchSize);
        Assert.Single(services.Logs.GetSnapshot(), r => r.Id.Id == 12001);
        Assert.Single(harness.Fake.Calls);
        Assert.Equal(
            [typeof(FanapPlusCrossFieldValidator), typeof(FanapPlusOptionsValidator)],
            services.Services.GetServices<IValidateOptions<FanapPlusOptions>>().Select(v => v.GetType()).OrderBy(t => t.Name));
    }

    [Fact]
    public async Task AddFanapPlus_Defaults_DescribeTheFanapPlusSmsProvider()
    {
        await using var services = ProviderTestServices.Create(b => b.AddFanapPlus());

        var provider = services.Provider;
        var options = services.Services.GetRequiredService<IOptions<FanapPlusOptions>>().Value;

        Assert.Equal("fanapplus", provider.Descriptor.Type);
        Assert.Equal(FanapPlusRasanBuilderExtensions.FanapPlusProviderType, provider.Descriptor.Type);
        Assert.Equal(Channel.Sms, provider.Descriptor.Channel);
        Assert.Equal(100, provider.Descriptor.MaxBatchSize);
        Assert.Equal(["sid", "privateKey", "channelType"], provider.Descriptor.Fields.Where(f => f.Required).Select(f => f.Name));
        Assert.Equal(["privateKey", "privateKeyPassword"], provider.Descriptor.Fields.Where(f => f.Secret).Select(f => f.Name));
        Assert.IsAssignableFrom<IAccountValidator>(provider);
        Assert.False(provider is IDeliveryStatusPoller or IAccountInfoProvider or ICallbackParser);
        Assert.Equal(new Uri("https://xcp.fanap.plus/"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(8_192, options.GzipThreshold);
        Assert.Equal(FanapPlusSignatureFieldOrder.UidThenSid, options.SignatureFieldOrder);
        Assert.Equal(("Asia/Tehran", new TimeOnly(23, 0), new TimeOnly(8, 0)), (options.TimeZone, options.PremiumQuietHoursStart, options.PremiumQuietHoursEnd));
        Assert.Equal(DeliveryState.Delivered, options.DeliveryStatuses["DELIVERED"]);
        Assert.Equal(DeliveryState.Failed, options.DeliveryStatuses["Undelivered"]);
        Assert.Equal(DeliveryState.Expired, options.DeliveryStatuses["Expired"]);
        Assert.IsAssignableFrom<IProviderOptionsValidator>(provider);
        Assert.IsAssignableFrom<ISendWindow>(provider);
    }

    [Fact]
    public async Task AddFanapPlus_Descriptor_DeclaresTheMessageOptionsWithTheirValues()
    {
        await using var services = ProviderTestServices.Create(b => b.AddFanapPlus());

        var options = services.Provider.Descriptor.Options;

        Assert.Equal(["messageType", "replyTo", "deliveryDeadline"], options.Select(o => o.Name));
        Assert.Equal(["Content", "PremiumContent", "Verification", "Subscription", "Unsubscription"], options[0].AllowedValues);
        Assert.Null(options[1].AllowedValues);
        Assert.Null(options[2].AllowedValues);
        Assert.All(options, o => Assert.True(o.Description.Length > 80, $"{o.Name} is described for the API document"));
        Assert.Contains("Mtn", options[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddFanapPlus_ConfigurationSection_BindsQuietHoursTimeZoneAndDeliveryStatuses()
    {
        var configuration = Configuration(new()
        {
            ["FanapPlus:TimeZone"] = "Europe/Berlin",
            ["FanapPlus:PremiumQuietHoursStart"] = "22:30",
            ["FanapPlus:PremiumQuietHoursEnd"] = "07:15",
            ["FanapPlus:DeliveryStatuses:Seen"] = "Delivered",
            ["FanapPlus:DeliveryStatuses:Failed"] = "Pending",
        });

        await using var services = ProviderTestServices.Create(b => b.AddFanapPlus(configuration.GetSection("FanapPlus")));

        var options = services.Services.GetRequiredService<IOptions<FanapPlusOptions>>().Value;
        Assert.Equal(("Europe/Berlin", new TimeOnly(22, 30), new TimeOnly(7, 15)), (options.TimeZone, options.PremiumQuietHoursStart, options.PremiumQuietHoursEnd));
        Assert.Equal(DeliveryState.Delivered, options.DeliveryStatuses["seen"]);
        Assert.Equal(DeliveryState.Pending, options.DeliveryStatuses["Failed"]);
        Assert.Equal(DeliveryState.Delivered, options.DeliveryStatuses["Delivered"]);
    }

    [Fact]
    public void AddFanapPlus_UnknownTimeZone_FailsStartUpNamingTheOption()
    {
        var configuration = Configuration(new() { ["FanapPlus:TimeZone"] = "Asia/Atlantis" });

        var exception = Assert.Throws<OptionsValidationException>(
            () => ProviderTestServices.Create(b => b.AddFanapPlus(configuration.GetSection("FanapPlus"))));

        var failure = Assert.Single(exception.Failures);
        Assert.Contains("FanapPlusOptions.TimeZone", failure, StringComparison.Ordinal);
        Assert.Contains("'Asia/Atlantis'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFanapPlus_BadDeliveryStatuses_FailStartUpNamingEachEntry()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => ProviderTestServices.Create(b => b.AddFanapPlus(o =>
        {
            o.DeliveryStatuses["NotSupported"] = DeliveryState.Failed;
            o.DeliveryStatuses["Two words"] = DeliveryState.Delivered;
            o.DeliveryStatuses["Seen"] = (DeliveryState)9;
        })));

        Assert.Equal(3, exception.Failures.Count());
        Assert.All(
            ["DeliveryStatuses[NotSupported]", "DeliveryStatuses[Two words]", "DeliveryStatuses[Seen]"],
            name => Assert.Contains(name, exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddFanapPlus_ConfigurationSection_BindsTheSettings()
    {
        var configuration = Configuration(new()
        {
            ["FanapPlus:BaseAddress"] = "https://proxy.example.com/fanapplus",
            ["FanapPlus:MaxBatchSize"] = "1000",
            ["FanapPlus:Timeout"] = "00:00:10",
            ["FanapPlus:GzipThreshold"] = "0",
            ["FanapPlus:SignatureFieldOrder"] = "SidThenUid",
        });

        await using var services = ProviderTestServices.Create(b => b.AddFanapPlus(configuration.GetSection("FanapPlus")));

        var options = services.Services.GetRequiredService<IOptions<FanapPlusOptions>>().Value;
        Assert.Equal(1_000, services.Provider.Descriptor.MaxBatchSize);
        Assert.Equal(0, options.GzipThreshold);
        Assert.Equal(FanapPlusSignatureFieldOrder.SidThenUid, options.SignatureFieldOrder);
        var client = services.Services.GetRequiredService<IHttpClientFactory>().CreateClient("Rasan.Providers.FanapPlus");
        Assert.Equal(new Uri("https://proxy.example.com/fanapplus/"), client.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(10), client.Timeout);
    }

    [Fact]
    public void AddFanapPlus_MisspeltConfigurationKey_FailsStartUpNamingIt()
    {
        var configuration = Configuration(new() { ["FanapPlus:GzipTreshold"] = "10" });

        var exception = Assert.ThrowsAny<InvalidOperationException>(
            () => ProviderTestServices.Create(b => b.AddFanapPlus(configuration.GetSection("FanapPlus"))));

        Assert.Contains("GzipTreshold", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxBatchSize", "0")]
    [InlineData("MaxBatchSize", "1001")]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("Timeout", "00:10:00")]
    [InlineData("GzipThreshold", "-1")]
    [InlineData("BaseAddress", "api/v6.0/")]
    [InlineData("BaseAddress", "ftp://xcp.fanap.plus/")]
    [InlineData("BaseAddress", "https://xcp.fanap.plus/?token=1")]
    public void AddFanapPlus_BadSetting_FailsStartUpNamingTheOption(string option, string value)
    {
        var configuration = Configuration(new() { [$"FanapPlus:{option}"] = value });

        var exception = Assert.Throws<OptionsValidationException>(
            () => ProviderTestServices.Create(b => b.AddFanapPlus(configuration.GetSection("FanapPlus"))));

        Assert.Contains(option, exception.Message, StringComparison.Ordinal);
        Assert.Single(exception.Failures);
    }

    [Fact]
    public void AddFanapPlus_UndefinedSignatureOrder_FailsStartUpNamingTheOption()
    {
        var exception = Assert.Throws<OptionsValidationException>(
            () => ProviderTestServices.Create(b => b.AddFanapPlus(o => o.SignatureFieldOrder = (FanapPlusSignatureFieldOrder)7)));

        Assert.Contains("FanapPlusOptions.SignatureFieldOrder", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFanapPlus_SeveralBadSettings_ReportsEveryOneAtOnce()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => ProviderTestServices.Create(b => b.AddFanapPlus(o =>
        {
            o.MaxBatchSize = 5_000;
            o.Timeout = TimeSpan.Zero;
            o.GzipThreshold = -5;
            o.BaseAddress = new Uri("mailto:someone@example.com");
            o.SignatureFieldOrder = (FanapPlusSignatureFieldOrder)9;
        })));

        Assert.All(
            ["MaxBatchSize", "Timeout", "GzipThreshold", "BaseAddress", "SignatureFieldOrder"],
            name => Assert.Contains(name, exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void AddFanapPlus_NullArguments_Throw()
    {
        var builder = new TestBuilder(new ServiceCollection());

        Assert.Throws<ArgumentNullException>(() => ((IRasanBuilder)null!).AddFanapPlus());
        Assert.Throws<ArgumentNullException>(() => builder.AddFanapPlus((Action<FanapPlusOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddFanapPlus((IConfiguration)null!));
    }

    [Fact]
    public void AddFanapPlus_Always_ReturnsTheSameBuilder()
    {
        var builder = new TestBuilder(new ServiceCollection());

        Assert.Same(builder, builder.AddFanapPlus());
        Assert.Same(builder, builder.AddFanapPlus(_ => { }));
        Assert.Same(builder, builder.AddFanapPlus(Configuration([]).GetSection("FanapPlus")));
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed record TestBuilder(IServiceCollection Services) : IRasanBuilder;
}

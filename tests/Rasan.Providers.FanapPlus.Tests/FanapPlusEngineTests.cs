using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Rasan.Storage;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>
/// The engine (accept, dispatcher) sending through the FanapPlus provider to the fake server, which verifies every
/// signature: provider options from the send request, and a sender's wait answered with the synchronous outcome.
/// </summary>
public sealed class FanapPlusEngineTests
{
    private static readonly ServiceId Service = new(Guid.NewGuid());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Engine_VerificationWithAWait_IsSignedAsVerificationAndTheWaitEndsDelivered()
    {
        await using var fake = new FakeFanapPlusServer();
        await fake.StartAsync(Ct);
        fake.ScriptDetails("09121234567", new FakeFanapPlusDetail("Delivered", null, null) { Delay = TimeSpan.FromMilliseconds(100) });
        using var host = await StartEngineAsync(fake);
        var request = new SendRequest
        {
            To = ["09121234567"],
            Text = "verify",
            ProviderOptions = new Dictionary<string, string> { ["messageType"] = "verification" },
            AwaitOutcomeFor = TimeSpan.FromSeconds(10),
        };

        var receipt = await host.Services.GetRequiredService<IMessageSender>().SendAsync(Service, request, Ct);
        var outcome = await host.Services.GetRequiredService<IMessageTracker>().WaitForOutcomeAsync(
            Service, [receipt.Messages[0].Id], TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(MessageStatus.Delivered, Assert.Single(outcome).Status);
        var sent = Assert.Single(fake.Messages);
        Assert.Equal("Verification", sent.MessageType);
        var call = Assert.Single(fake.Calls);
        Assert.Equal(200, call.Status);
        Assert.Contains(",Verification,", Assert.Single(call.SignedStrings), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(call.Json);
        var wait = int.Parse(body.RootElement.GetProperty("SyncDeliveryTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1_000, 9_000);
    }

    [Fact]
    public async Task Engine_PremiumContentInTheQuietHours_IsHeldScheduledAndNothingIsSent()
    {
        await using var fake = new FakeFanapPlusServer();
        await fake.StartAsync(Ct);

        // Quiet hours from half an hour before now to half an hour after, whatever time the test runs.
        var now = TimeOnly.FromDateTime(DateTime.UtcNow);
        using var host = await StartEngineAsync(fake, o =>
        {
            o.TimeZone = "UTC";
            o.PremiumQuietHoursStart = now.AddMinutes(-30);
            o.PremiumQuietHoursEnd = now.AddMinutes(30);
        });
        var request = new SendRequest
        {
            To = ["09121234567"],
            Text = "paid content",
            ProviderOptions = new Dictionary<string, string> { ["messageType"] = "PremiumContent" },
        };

        var id = (await host.Services.GetRequiredService<IMessageSender>().SendAsync(Service, request, Ct)).Messages[0].Id;
        var tracker = host.Services.GetRequiredService<IMessageTracker>();
        MessageInfo? message = null;
        for (var i = 0; i < 100 && message?.Events.Count is null or < 2; i++)
        {
            await Task.Delay(50, Ct);
            message = await tracker.GetMessageAsync(Service, id, Ct);
        }

        Assert.Equal(MessageStatus.Scheduled, message?.Status);
        Assert.Equal(0, message!.Attempts);
        Assert.Contains("held until", message.Events[^1].Detail, StringComparison.Ordinal);
        Assert.Empty(fake.Calls);
    }

    private static async Task<IHost> StartEngineAsync(FakeFanapPlusServer fake, Action<FanapPlusOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services
            .AddRasan(o => o.Dispatcher.PollInterval = TimeSpan.FromMilliseconds(50))
            .AddInMemoryStores()
            .AddFanapPlus(o =>
            {
                o.BaseAddress = fake.BaseAddress;
                configure?.Invoke(o);
            });
        var host = builder.Build();
        var tenancy = host.Services.GetRequiredService<ITenancyStore>();
        await tenancy.AddServiceAsync(new ClientService { Id = Service, Name = "default", CreatedAt = DateTimeOffset.UtcNow }, Ct);
        await tenancy.AddAccountAsync(fake.CreateAccount(), Ct);
        await host.StartAsync(Ct);
        return host;
    }
}

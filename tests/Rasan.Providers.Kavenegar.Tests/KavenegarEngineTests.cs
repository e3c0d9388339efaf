using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rasan.Providers.Kavenegar.Tests.Fake;
using Rasan.Storage;
using Xunit;

namespace Rasan.Providers.Kavenegar.Tests;

/// <summary>The engine (accept, dispatcher, delivery poller) sending through the Kavenegar provider to the fake server.</summary>
public sealed class KavenegarEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Engine_SendThroughAKavenegarAccount_IsSentOnceThenDeliveredByPolling()
    {
        await using var fake = new FakeKavenegarServer();
        await fake.StartAsync(Ct);
        fake.ScriptStatuses("09121234567", 1, 4, 10);
        using var host = await StartEngineAsync(fake);

        var id = await SendAsync(host, "09121234567");
        var message = await WaitForAsync(host, id, MessageStatus.Delivered);

        Assert.Equal(1, fake.BillableSends(id));
        Assert.Equal(fake.Messages.Single().MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), message.ProviderMessageId);
        Assert.Equal([MessageStatus.Queued, MessageStatus.Sent], message.Events.Select(e => e.Status).Distinct().Take(2));
        Assert.Equal(MessageStatus.Delivered, message.Events[^1].Status);
    }

    [Fact]
    public async Task Engine_InsufficientCredit_FailsTheMessageAtOnceKeepingKavenegarsCodeAndText()
    {
        await using var fake = new FakeKavenegarServer();
        await fake.StartAsync(Ct);
        fake.SetBalance(fake.DefaultAccount, 0);
        using var host = await StartEngineAsync(fake);

        var id = await SendAsync(host, "09121234567");
        var message = await WaitForAsync(host, id, MessageStatus.Failed);

        Assert.Equal("418", message.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(message.ErrorText));
        Assert.Equal(1, message.Attempts);
        Assert.Empty(fake.Messages);
    }

    private static async Task<IHost> StartEngineAsync(FakeKavenegarServer fake)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services
            .AddRasan(o =>
            {
                o.Dispatcher.PollInterval = TimeSpan.FromMilliseconds(50);
                o.Dispatcher.DeliveryPollInterval = TimeSpan.FromMilliseconds(100);
            })
            .AddInMemoryStores()
            .AddKavenegar(o =>
            {
                o.BaseAddress = fake.BaseAddress;
                o.FirstPollDelay = TimeSpan.Zero;
            });
        var host = builder.Build();
        var tenancy = host.Services.GetRequiredService<ITenancyStore>();
        await tenancy.AddServiceAsync(new ClientService { Id = Service, Name = "default", CreatedAt = DateTimeOffset.UtcNow }, Ct);
        await tenancy.AddAccountAsync(fake.CreateAccount(), Ct);
        await host.StartAsync(Ct);
        return host;
    }

    private static readonly ServiceId Service = new(Guid.NewGuid());

    private static async Task<MessageId> SendAsync(IHost host, string to)
        => (await host.Services.GetRequiredService<IMessageSender>().SendAsync(Service, new SendRequest { To = [to], Text = "سلام" }, Ct)).Messages[0].Id;

    private static async Task<MessageInfo> WaitForAsync(IHost host, MessageId id, MessageStatus status)
    {
        var tracker = host.Services.GetRequiredService<IMessageTracker>();
        MessageInfo? message = null;
        for (var i = 0; i < 200 && message?.Status != status; i++)
        {
            await Task.Delay(50, Ct);
            message = await tracker.GetMessageAsync(Service, id, Ct);
        }

        Assert.True(message?.Status == status, $"expected {status}, got {message?.Status} ({message?.ErrorCode} {message?.ErrorText})");
        return message!;
    }
}

using Xunit;

namespace Rasan.Tests;

/// <summary>How the dispatcher honours a provider's send window and the delivery outcomes it gives with its answer.</summary>
public sealed class ProviderCapabilityDispatchTests
{
    [Fact]
    public async Task RunOnce_ProviderWindowClosed_HoldsTheMessageScheduledWithoutAnAttemptThenSendsItWhenItOpens()
    {
        await using var test = await OptionsEngine.CreateAsync();
        test.Provider.PremiumOpensAt = EngineHarness.Start.AddHours(3);
        var premium = (await test.SendAsync(new Dictionary<string, string> { ["kind"] = "Premium" })).Messages[0].Id;
        var plain = (await test.SendAsync(new Dictionary<string, string> { ["kind"] = "Plain" })).Messages[0].Id;

        await test.Engine.Dispatcher.RunOnceAsync();

        var held = await test.Engine.Tracker.GetMessageAsync(test.Engine.Service, premium);
        Assert.Equal(MessageStatus.Scheduled, held!.Status);
        Assert.Equal(0, held.Attempts);
        Assert.Contains("held until", held.Events[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Sent, await test.Engine.StatusAsync(plain));
        Assert.Equal(plain, Assert.Single(test.Provider.Sent).Id);

        test.Engine.Clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await test.Engine.Dispatcher.RunOnceAsync());
        test.Engine.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await test.Engine.Dispatcher.RunOnceAsync());

        var sent = await test.Engine.Tracker.GetMessageAsync(test.Engine.Service, premium);
        Assert.Equal(MessageStatus.Sent, sent!.Status);
        Assert.Equal(1, sent.Attempts);
    }

    [Fact]
    public async Task RunOnce_WindowOpensAfterTheExpiry_ExpiresInsteadOfALateSend()
    {
        await using var test = await OptionsEngine.CreateAsync();
        test.Provider.PremiumOpensAt = EngineHarness.Start.AddHours(3);
        var id = (await test.Engine.Sender.SendAsync(test.Engine.Service, new SendRequest
        {
            To = ["09121234567"],
            Text = "hi",
            Account = test.Account.Name,
            ExpiresAt = EngineHarness.Start.AddHours(1),
            ProviderOptions = new Dictionary<string, string> { ["kind"] = "Premium" },
        })).Messages[0].Id;

        await test.Engine.Dispatcher.RunOnceAsync();
        test.Engine.Clock.Advance(TimeSpan.FromHours(1));
        await test.Engine.Dispatcher.RunOnceAsync();

        Assert.Equal(MessageStatus.Expired, await test.Engine.StatusAsync(id));
        Assert.Empty(test.Provider.Sent);
    }

    [Fact]
    public async Task RunOnce_ProviderGivesTheDeliveryWithItsAnswer_MessageIsDeliveredAtOnce()
    {
        await using var test = await OptionsEngine.CreateAsync();
        var id = (await test.SendAsync(null, TimeSpan.FromSeconds(10))).Messages[0].Id;

        await test.Engine.Dispatcher.RunOnceAsync();
        await test.Engine.Dispatcher.DrainAsync();

        var message = await test.Engine.Tracker.GetMessageAsync(test.Engine.Service, id);
        Assert.Equal(MessageStatus.Delivered, message!.Status);
        Assert.Equal([MessageStatus.Queued, MessageStatus.Sent, MessageStatus.Delivered], message.Events.Select(e => e.Status));
        Assert.Equal(EngineHarness.Start.AddSeconds(9), Assert.Single(test.Provider.Sent).OutcomeAwaitedUntil);
    }

    [Fact]
    public async Task RunOnce_CallHeldForASyncOutcome_DoesNotHoldThePassOrOtherAccounts()
    {
        await using var test = await OptionsEngine.CreateAsync();
        test.Provider.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waited = (await test.SendAsync(null, TimeSpan.FromSeconds(20))).Messages[0].Id;
        var other = (await test.Engine.SendAsync("09121234567")).Messages[0].Id;

        var pass = test.Engine.Dispatcher.RunOnceAsync();
        var finished = await Task.WhenAny(pass, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        Assert.Same(pass, finished);
        Assert.Equal(MessageStatus.Sent, await test.Engine.StatusAsync(other));
        Assert.Equal(MessageStatus.Sending, await test.Engine.StatusAsync(waited));
        var drained = test.Engine.Dispatcher.DrainAsync();
        Assert.False(drained.IsCompleted);

        test.Provider.Gate.SetResult();
        await drained.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(MessageStatus.Delivered, await test.Engine.StatusAsync(waited));
    }
}

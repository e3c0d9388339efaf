using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>
/// Waiting for delivery outcomes within the call: <c>SyncDeliveryTimeout</c> from the senders' waits, and the
/// answer's <c>Details</c> mapped to outcomes.
/// </summary>
public sealed class FanapPlusSyncDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2031, 5, 1, 8, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task SendAsync_SenderWaits_AsksFanapPlusToWaitUntilThen()
    {
        await using var harness = await StartAsync();

        await harness.SendAsync(Awaited(TimeSpan.FromSeconds(5)));

        Assert.Equal("5000", SyncDeliveryTimeout(harness));
    }

    [Fact]
    public async Task SendAsync_SeveralWaits_AsksForTheEarliestOneStillAhead()
    {
        await using var harness = await StartAsync();
        OutgoingMessage[] messages =
        [
            Awaited(TimeSpan.FromSeconds(7), "+989121110001"),
            Awaited(TimeSpan.FromMilliseconds(3_250.9), "+989121110002"),
            FanapPlusHarness.Message("+989121110003"),
            Awaited(TimeSpan.FromSeconds(-1), "+989121110004"),
        ];

        await harness.SendAsync(messages);

        Assert.Equal("3250", SyncDeliveryTimeout(harness));
    }

    [Theory]
    [InlineData(60, 30, "20000")] // the contract's limit
    [InlineData(20, 8, "3000")] // the call's timeout less 5 s
    [InlineData(20, 5, null)] // no time left to wait in
    [InlineData(-2, 30, null)] // the sender stopped waiting
    public async Task SendAsync_WaitBeyondWhatTheCallAllows_IsCappedOrLeftOut(int waitSeconds, int timeoutSeconds, string? expected)
    {
        await using var harness = await StartAsync(o => o.Timeout = TimeSpan.FromSeconds(timeoutSeconds));

        var outcome = Assert.Single(await harness.SendAsync(Awaited(TimeSpan.FromSeconds(waitSeconds))));

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal(expected, SyncDeliveryTimeout(harness));
    }

    [Fact]
    public async Task SendAsync_DetailsInTheAnswer_MapEachMessageByItsStatus()
    {
        await using var harness = await StartAsync();
        OutgoingMessage[] messages =
        [
            Awaited(TimeSpan.FromSeconds(10), "+989121110001"),
            Awaited(TimeSpan.FromSeconds(10), "+989121110002"),
            Awaited(TimeSpan.FromSeconds(10), "+989121110003"),
            Awaited(TimeSpan.FromSeconds(10), "+989121110004"),
            Awaited(TimeSpan.FromSeconds(10), "+989121110005"),
        ];
        harness.Fake.ScriptDetails("09121110001", new FakeFanapPlusDetail("NotSupported", "405", "GH-405 Message type for this channel type is not supported"));
        harness.Fake.ScriptDelivery(messages[1].To, DeliveryState.Delivered);
        harness.Fake.ScriptDelivery(messages[2].To, DeliveryState.Failed);
        harness.Fake.ScriptDetails("09121110004", new FakeFanapPlusDetail("Queued", "12", "Waiting for the operator"));

        var outcomes = await harness.SendAsync(messages);

        var muids = harness.Fake.Messages.Select(m => m.Muid).ToArray();
        Assert.Equal(
            (SendOutcomeKind.Permanent, "405", "GH-405 Message type for this channel type is not supported"),
            (outcomes[0].Kind, outcomes[0].Code, outcomes[0].Text));
        Assert.Equal((SendOutcomeKind.Accepted, muids[1], DeliveryState.Delivered, "Delivered"), (outcomes[1].Kind, outcomes[1].ProviderMessageId, outcomes[1].Delivery, outcomes[1].DeliveryStatus));
        Assert.Equal((SendOutcomeKind.Accepted, muids[2], DeliveryState.Failed, "Failed"), (outcomes[2].Kind, outcomes[2].ProviderMessageId, outcomes[2].Delivery, outcomes[2].DeliveryStatus));
        Assert.Equal((SendOutcomeKind.Accepted, muids[3], null), (outcomes[3].Kind, outcomes[3].ProviderMessageId, outcomes[3].Delivery));
        Assert.Equal((SendOutcomeKind.Accepted, muids[4], null), (outcomes[4].Kind, outcomes[4].ProviderMessageId, outcomes[4].Delivery));
        var logs = harness.Services.Logs.GetSnapshot();
        Assert.Equal(2, logs.Count(r => r.Id.Id == 16016));
        var unknown = logs.Where(r => r.Id.Id == 16017).Select(r => (r.Level, r.Message)).ToArray();
        Assert.Equal(2, unknown.Length);
        Assert.All(unknown, u => Assert.Equal(LogLevel.Debug, u.Level));
        Assert.Contains(unknown, u => u.Message.Contains("as Queued (code 12)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_StatusAddedToDeliveryStatuses_IsMappedWhateverItsCase()
    {
        await using var harness = await StartAsync(o => o.DeliveryStatuses["Seen"] = DeliveryState.Delivered);
        harness.Fake.DeliveredStatus = "SEEN";
        var message = Awaited(TimeSpan.FromSeconds(10));
        harness.Fake.ScriptDelivery(message.To, DeliveryState.Delivered);

        var outcome = Assert.Single(await harness.SendAsync(message));

        Assert.Equal((SendOutcomeKind.Accepted, DeliveryState.Delivered, "SEEN"), (outcome.Kind, outcome.Delivery, outcome.DeliveryStatus));
    }

    [Fact]
    public async Task SendAsync_OutcomeSlowerThanTheWait_IsAcceptedWithoutADeliveryState()
    {
        await using var harness = await StartAsync();
        var message = Awaited(TimeSpan.FromMilliseconds(300));
        harness.Fake.ScriptDetails("09121234567", new FakeFanapPlusDetail("Delivered", null, null) { Delay = TimeSpan.FromSeconds(30) });

        var outcome = Assert.Single(await harness.SendAsync(message));

        Assert.Equal((SendOutcomeKind.Accepted, null), (outcome.Kind, outcome.Delivery));
        Assert.Equal(Assert.Single(harness.Fake.Messages).Muid, outcome.ProviderMessageId);
        Assert.Equal("300", SyncDeliveryTimeout(harness));
    }

    [Fact]
    public async Task SendAsync_NobodyWaits_GetsNoDetailsEvenWithAScript()
    {
        await using var harness = await StartAsync();
        harness.Fake.ScriptDetails("09121234567", new FakeFanapPlusDetail("NotSupported", "405", "GH-405 Message type for this channel type is not supported"));

        var outcome = Assert.Single(await harness.SendAsync(FanapPlusHarness.Message()));

        Assert.Equal((SendOutcomeKind.Accepted, null), (outcome.Kind, outcome.Delivery));
        Assert.Null(SyncDeliveryTimeout(harness));
    }

    private Task<FanapPlusHarness> StartAsync(Action<FanapPlusOptions>? configure = null)
        => FanapPlusHarness.StartAsync(configure, s => s.AddSingleton<TimeProvider>(_clock));

    private static OutgoingMessage Awaited(TimeSpan wait, string to = "+989121234567")
        => FanapPlusHarness.Message(to) with { OutcomeAwaitedUntil = Start + wait };

    private static string? SyncDeliveryTimeout(FanapPlusHarness harness)
    {
        using var body = JsonDocument.Parse(Assert.Single(harness.Fake.Calls).Json);
        return body.RootElement.TryGetProperty("SyncDeliveryTimeout", out var value) ? value.GetString() : null;
    }
}

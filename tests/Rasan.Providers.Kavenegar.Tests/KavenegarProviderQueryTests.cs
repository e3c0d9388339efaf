using System.Globalization;
using Rasan.Providers.Kavenegar.Tests.Fake;
using Xunit;

namespace Rasan.Providers.Kavenegar.Tests;

public sealed class KavenegarProviderQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PollAsync_ScriptedProgression_ReportsPendingStepsThenDelivered()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        var message = KavenegarHarness.Message("+989121111111");
        var outcome = Assert.Single(await harness.SendAsync(message));
        harness.Fake.ScriptStatuses("09121111111", 1, 4, 10);
        SentMessage[] sent = [new(message.Id, outcome.ProviderMessageId, message.To, DateTimeOffset.UtcNow)];

        var polls = new List<DeliveryReport>();
        for (var i = 0; i < 4; i++)
        {
            polls.Add(Assert.Single(await harness.Provider.PollAsync(harness.Context(), sent, Ct)));
        }

        Assert.Equal(["1", "4", "10", "10"], polls.Select(r => r.ProviderStatus));
        Assert.Equal(
            [DeliveryState.Pending, DeliveryState.Pending, DeliveryState.Delivered, DeliveryState.Delivered],
            polls.Select(r => r.State));
        Assert.All(polls, r => Assert.Equal(message.Id, r.MessageId));
        Assert.All(polls, r => Assert.Equal(outcome.ProviderMessageId, r.ProviderMessageId));
    }

    [Theory]
    [InlineData(2, DeliveryState.Pending)]
    [InlineData(5, DeliveryState.Pending)]
    [InlineData(6, DeliveryState.Failed)]
    [InlineData(10, DeliveryState.Delivered)]
    [InlineData(11, DeliveryState.Failed)]
    [InlineData(13, DeliveryState.Failed)]
    [InlineData(14, DeliveryState.Failed)]
    public async Task PollAsync_KavenegarStatus_MapsToTheContractsState(int status, DeliveryState expected)
    {
        await using var harness = await KavenegarHarness.StartAsync();
        var message = KavenegarHarness.Message("+989121111111");
        var outcome = Assert.Single(await harness.SendAsync(message));
        harness.Fake.ScriptStatuses(message.To, status);

        var report = Assert.Single(await harness.Provider.PollAsync(
            harness.Context(), [new SentMessage(message.Id, outcome.ProviderMessageId, message.To, DateTimeOffset.UtcNow)], Ct));

        Assert.Equal(expected, report.State);
        Assert.Equal(status.ToString(CultureInfo.InvariantCulture), report.ProviderStatus);
    }

    [Fact]
    public async Task PollAsync_UnknownAndMissingIds_AreLeftOut()
    {
        await using var harness = await KavenegarHarness.StartAsync();

        var reports = await harness.Provider.PollAsync(
            harness.Context(),
            [new SentMessage(MessageId.New(DateTimeOffset.UtcNow), "123456789", "+989121111111", DateTimeOffset.UtcNow),
             new SentMessage(MessageId.New(DateTimeOffset.UtcNow), null, "+989121111112", DateTimeOffset.UtcNow)],
            Ct);

        Assert.Empty(reports);
        Assert.Equal("123456789", Assert.Single(harness.Fake.Requests).Parameters["messageid"]);
    }

    [Fact]
    public async Task PollAsync_MoreMessagesThanMaxPollBatchSize_AsksInCallsOfAtMostThatSize()
    {
        await using var harness = await KavenegarHarness.StartAsync(o => o.MaxPollBatchSize = 2);
        var messages = Enumerable.Range(0, 5).Select(i => KavenegarHarness.Message($"+98912000000{i}")).ToArray();
        var outcomes = await harness.SendAsync(messages);
        var sent = messages.Select((m, i) => new SentMessage(m.Id, outcomes[i].ProviderMessageId, m.To, DateTimeOffset.UtcNow)).ToArray();

        var reports = await harness.Provider.PollAsync(harness.Context(), sent, Ct);

        Assert.Equal(5, reports.Count);
        Assert.Equal([2, 2, 1], harness.Fake.Requests.Skip(1).Select(r => r.Parameters["messageid"].Split(',').Length));
        Assert.Equal(2, harness.Provider.MaxPollBatchSize);
    }

    [Fact]
    public async Task PollAsync_UnknownKey_ThrowsWithTheCodeAndWithoutTheKey()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        var key = FakeKavenegarServer.NewKey();

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => harness.Provider.PollAsync(
            harness.Context(apiKey: key), [new SentMessage(MessageId.New(DateTimeOffset.UtcNow), "1", "+989121111111", DateTimeOffset.UtcNow)], Ct));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Contains("403", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, exception.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetAccountInfoAsync_AfterASend_ReportsTheRemainingRialsAndTheExpiry()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        await harness.SendAsync(KavenegarHarness.Message("+989121111111"));

        var info = await harness.Provider.GetAccountInfoAsync(harness.Context(), Ct);

        Assert.Equal(new AccountInfo(1_000_000 - 120, "IRR", new DateTimeOffset(2027, 3, 21, 0, 0, 0, TimeSpan.Zero)), info);
        Assert.Equal("/v1/***/account/info.json", harness.Fake.Requests[^1].Path);
    }

    [Fact]
    public async Task GetAccountInfoAsync_ServerDown_ThrowsWithoutTheAddress()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        harness.Fake.Inject(FakeKavenegarFault.NonJson(503).On("account/info"));

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => harness.Provider.GetAccountInfoAsync(harness.Context(), Ct));

        Assert.Contains("503", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Fake.DefaultAccount.Key, exception.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/v1/", exception.ToString(), StringComparison.Ordinal);
    }
}

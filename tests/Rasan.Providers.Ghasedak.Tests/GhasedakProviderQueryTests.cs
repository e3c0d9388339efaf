using System.Globalization;
using System.Net;
using Rasan.Providers.Ghasedak.Tests.Fake;
using Xunit;

namespace Rasan.Providers.Ghasedak.Tests;

public sealed class GhasedakProviderQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PollAsync_ScriptedProgression_ReportsPendingStepsThenDelivered()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var message = GhasedakHarness.Message("+989121111111");
        var sent = GhasedakHarness.Sent(message, Assert.Single(await harness.SendAsync(message)));
        harness.Fake.ScriptStatuses("09121111111", 3, 10, 11, 14);

        var polls = new List<DeliveryReport>();
        for (var i = 0; i < 5; i++)
        {
            polls.Add(Assert.Single(await harness.PollAsync(sent)));
        }

        Assert.Equal(["3", "10", "11", "14", "14"], polls.Select(r => r.ProviderStatus));
        Assert.Equal(
            [DeliveryState.Pending, DeliveryState.Pending, DeliveryState.Pending, DeliveryState.Delivered, DeliveryState.Delivered],
            polls.Select(r => r.State));
        Assert.All(polls, r => Assert.Equal(message.Id, r.MessageId));
        Assert.All(polls, r => Assert.Equal(sent.ProviderMessageId, r.ProviderMessageId));
        var request = harness.Fake.Requests[^1];
        Assert.Equal("GET", request.Method);
        Assert.EndsWith("/CheckSmsStatus", request.Path, StringComparison.Ordinal);
        Assert.Equal(sent.ProviderMessageId, request.Parameters["Ids"]);
        Assert.Equal("1", request.Parameters["Type"]);
    }

    [Theory]
    [InlineData(0, DeliveryState.Pending)]
    [InlineData(2, DeliveryState.Pending)]
    [InlineData(3, DeliveryState.Pending)]
    [InlineData(4, DeliveryState.Pending)]
    [InlineData(5, DeliveryState.Pending)]
    [InlineData(9, DeliveryState.Pending)]
    [InlineData(10, DeliveryState.Pending)]
    [InlineData(11, DeliveryState.Pending)]
    [InlineData(17, DeliveryState.Pending)]
    [InlineData(14, DeliveryState.Delivered)]
    [InlineData(13, DeliveryState.Failed)]
    [InlineData(6, DeliveryState.Failed)]
    [InlineData(16, DeliveryState.Failed)]
    [InlineData(1, DeliveryState.Failed)]
    [InlineData(7, DeliveryState.Failed)]
    [InlineData(8, DeliveryState.Failed)]
    [InlineData(12, DeliveryState.Failed)]
    [InlineData(15, DeliveryState.Failed)]
    public async Task PollAsync_GhasedakStatus_MapsToTheContractsStateAndKeepsTheCode(int status, DeliveryState expected)
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var message = GhasedakHarness.Message("+989121111111");
        var sent = GhasedakHarness.Sent(message, Assert.Single(await harness.SendAsync(message)));
        harness.Fake.ScriptStatuses(message.To, status);

        var report = Assert.Single(await harness.PollAsync(sent));

        Assert.Equal(expected, report.State);
        Assert.Equal(status.ToString(CultureInfo.InvariantCulture), report.ProviderStatus);
    }

    [Theory]
    [InlineData(18)]
    [InlineData(99)]
    public async Task PollAsync_StatusOutsideTheTable_IsLeftOut(int status)
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var message = GhasedakHarness.Message("+989121111111");
        var sent = GhasedakHarness.Sent(message, Assert.Single(await harness.SendAsync(message)));
        harness.Fake.ScriptStatuses(message.To, status);

        Assert.Empty(await harness.PollAsync(sent));
        Assert.Contains(harness.Services.Logs.GetSnapshot(), r => r.Id.Id == 14021);
    }

    [Fact]
    public async Task PollAsync_MoreMessagesThanMaxPollBatchSize_AsksByType1InCallsOfAtMostThatSize()
    {
        await using var harness = await GhasedakHarness.StartAsync(o => o.MaxPollBatchSize = 2);
        var messages = Enumerable.Range(0, 5).Select(i => GhasedakHarness.Message($"+98912000000{i}")).ToArray();
        var outcomes = await harness.SendAsync(messages);

        var reports = await harness.PollAsync([.. messages.Select((m, i) => GhasedakHarness.Sent(m, outcomes[i]))]);

        Assert.Equal(messages.Select(m => m.Id), reports.Select(r => r.MessageId!.Value));
        var polls = harness.Fake.Requests.Skip(1).ToArray();
        Assert.Equal([2, 2, 1], polls.Select(r => r.Parameters["Ids"].Split(',').Length));
        Assert.All(polls, r => Assert.Equal("1", r.Parameters["Type"]));
        Assert.Equal(2, harness.Provider.MaxPollBatchSize);
    }

    [Fact]
    public async Task PollAsync_HundredAndOneMessagesWithDefaults_AsksHundredThenOne()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var messages = Enumerable.Range(0, 101).Select(i => GhasedakHarness.Message($"+98912{i:D7}", $"text {i}")).ToArray();
        var outcomes = await harness.SendAsync(messages);

        var reports = await harness.PollAsync([.. messages.Select((m, i) => GhasedakHarness.Sent(m, outcomes[i]))]);

        Assert.Equal(101, reports.Count);
        Assert.Equal(100, harness.Provider.MaxPollBatchSize);
        Assert.Equal([100, 1], harness.Fake.Requests.Where(r => r.Path.EndsWith("/CheckSmsStatus", StringComparison.Ordinal)).Select(r => r.Parameters["Ids"].Split(',').Length));
    }

    [Fact]
    public async Task PollAsync_UnknownAndMissingIds_AreLeftOut()
    {
        await using var harness = await GhasedakHarness.StartAsync();

        var reports = await harness.PollAsync(
            new SentMessage(MessageId.New(DateTimeOffset.UtcNow), "123456789", "+989121111111", DateTimeOffset.UtcNow),
            new SentMessage(MessageId.New(DateTimeOffset.UtcNow), null, "+989121111112", DateTimeOffset.UtcNow),
            new SentMessage(MessageId.New(DateTimeOffset.UtcNow), "not-digits", "+989121111113", DateTimeOffset.UtcNow));

        Assert.Empty(reports);
        Assert.Equal("123456789", Assert.Single(harness.Fake.Requests).Parameters["Ids"]);
    }

    [Fact]
    public async Task PollAsync_PascalCaseAnswer_IsReadLikeCamelCase()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var message = GhasedakHarness.Message("+989121111111");
        var sent = GhasedakHarness.Sent(message, Assert.Single(await harness.SendAsync(message)));
        harness.Fake.ScriptStatuses(message.To, 14);
        harness.Fake.Inject(FakeGhasedakFault.PascalCase().For("CheckSmsStatus"));

        var report = Assert.Single(await harness.PollAsync(sent));

        Assert.Equal(DeliveryState.Delivered, report.State);
    }

    [Fact]
    public async Task PollAsync_UnknownKey_ThrowsWithTheCodeAndWithoutTheKey()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var key = FakeGhasedakServer.NewKey();

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => harness.Provider.PollAsync(
            harness.Context(apiKey: key), [new SentMessage(MessageId.New(DateTimeOffset.UtcNow), "4248", "+989121111111", DateTimeOffset.UtcNow)], Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Contains("401", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, exception.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetAccountInfoAsync_AfterASend_ReportsTheRemainingRialsAndTheExpiry()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        await harness.SendAsync(GhasedakHarness.Message("+989121111111"));

        var info = await harness.Provider.GetAccountInfoAsync(harness.Context(), Ct);

        Assert.Equal(new AccountInfo(10_000_000 - 1_805, "IRR", new DateTimeOffset(2027, 3, 20, 20, 29, 59, TimeSpan.Zero)), info);
        var request = harness.Fake.Requests[^1];
        Assert.Equal("GET", request.Method);
        Assert.EndsWith("/GetAccountInformation", request.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAccountInfoAsync_PascalCaseAnswer_IsReadLikeCamelCase()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.Inject(FakeGhasedakFault.PascalCase().For("GetAccountInformation"));

        var info = await harness.Provider.GetAccountInfoAsync(harness.Context(), Ct);

        Assert.Equal(harness.Fake.AccountInfo, info);
    }

    [Fact]
    public async Task GetAccountInfoAsync_ServerDown_ThrowsTheHttpStatus()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.Inject(FakeGhasedakFault.NonJson(503).For("GetAccountInformation"));

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => harness.Provider.GetAccountInfoAsync(harness.Context(), Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.DoesNotContain(harness.Fake.DefaultAccount.ApiKey, exception.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}

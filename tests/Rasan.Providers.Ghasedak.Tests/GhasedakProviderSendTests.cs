using System.Globalization;
using System.Text.Json;
using Rasan.Providers.Ghasedak.Tests.Fake;
using Xunit;

namespace Rasan.Providers.Ghasedak.Tests;

public sealed class GhasedakProviderSendTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_OneMessage_CallsSendSingleSmsWithTheNationalNumberItsIdAsReferenceAndNoSendDate()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var message = GhasedakHarness.Message("+989121111111", "سلام دنیا");

        var outcome = Assert.Single(await harness.SendAsync(message));

        var request = Assert.Single(harness.Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/rest/api/v1/WebService/SendSingleSMS", request.Path);
        Assert.Equal("09121111111", request.Parameters["receptor"]);
        Assert.Equal("سلام دنیا", request.Parameters["message"]);
        Assert.Equal(FakeGhasedakServer.DefaultLine, request.Parameters["lineNumber"]);
        Assert.Equal(message.Id.ToString(), request.Parameters["clientReferenceId"]);
        Assert.Equal(string.Empty, request.Parameters["sendDate"]);
        Assert.Equal("false", request.Parameters["udh"]);
        Assert.Equal("***", request.Parameters["ApiKey"]);
        var stored = Assert.Single(harness.Fake.Messages);
        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal(stored.MessageId, outcome.ProviderMessageId);
        Assert.Equal(1_805m, outcome.Cost);
    }

    [Fact]
    public async Task SendAsync_SeveralMessages_MakesOneSendPairToPairSmsWithEachMessagesOwnReference()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var messages = new[]
        {
            GhasedakHarness.Message("+989121111111", "کد شما ۱۲۳"),
            GhasedakHarness.Message("+989352222222", "Your code: 456, \"quoted\""),
            GhasedakHarness.Message("+989123333333", "کد شما ۱۲۳"),
        };

        var outcomes = await harness.SendAsync(messages);

        var request = Assert.Single(harness.Fake.Requests);
        Assert.EndsWith("/SendPairToPairSMS", request.Path, StringComparison.Ordinal);
        var items = JsonDocument.Parse(request.Parameters["items"]).RootElement.EnumerateArray().ToArray();
        Assert.Equal(["09121111111", "09352222222", "09123333333"], items.Select(i => i.GetProperty("receptor").GetString()));
        Assert.Equal(messages.Select(m => m.Text), items.Select(i => i.GetProperty("message").GetString()));
        Assert.Equal(messages.Select(m => m.Id.ToString()), items.Select(i => i.GetProperty("clientReferenceId").GetString()));
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("sendDate").ValueKind));
        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        Assert.Equal(
            messages.Select(m => harness.Fake.Messages.Single(s => s.ClientReferenceId == m.Id.ToString()).MessageId),
            outcomes.Select(o => o.ProviderMessageId));
    }

    [Fact]
    public async Task SendAsync_SameTextWithBulkEnabled_MakesOneSendBulkSmsAndSharesItsCost()
    {
        await using var harness = await GhasedakHarness.StartAsync(o => o.UseBulkForSameText = true);
        var messages = Enumerable.Range(1, 4).Select(i => GhasedakHarness.Message($"+98912000000{i}", "یک متن برای همه")).ToArray();

        var outcomes = await harness.SendAsync(messages);

        var request = Assert.Single(harness.Fake.Requests);
        Assert.EndsWith("/SendBulkSMS", request.Path, StringComparison.Ordinal);
        Assert.Equal(messages.Select(m => "0" + m.To[3..]), JsonSerializer.Deserialize<string[]>(request.Parameters["receptors"]));
        Assert.Equal(GhasedakReferences.OfBulk(messages.Select(m => m.Id)), request.Parameters["clientReferenceId"]);
        Assert.StartsWith("rasan-bulk-", request.Parameters["clientReferenceId"], StringComparison.Ordinal);
        Assert.Equal(harness.Fake.Messages.Select(m => m.MessageId), outcomes.Select(o => o.ProviderMessageId));
        Assert.All(outcomes, o => Assert.Equal(1_805m, o.Cost));
    }

    [Fact]
    public async Task SendAsync_SameBulkBatchRetriedInAnotherOrder_IsStoredAndChargedOnce()
    {
        await using var harness = await GhasedakHarness.StartAsync(o => o.UseBulkForSameText = true);
        var messages = Enumerable.Range(1, 3).Select(i => GhasedakHarness.Message($"+98912000000{i}", "یک متن")).ToArray();

        var first = await harness.SendAsync(messages);
        var retry = await harness.SendAsync([.. messages.Reverse().Select(m => m with { Attempt = 2 })]);

        Assert.Equal(first.Select(o => o.ProviderMessageId), retry.Reverse().Select(o => o.ProviderMessageId));
        Assert.Equal(3, harness.Fake.Messages.Count);
        Assert.Equal(10_000_000 - (3 * 1_805), harness.Fake.DefaultAccount.Credit);
    }

    [Fact]
    public async Task SendAsync_DifferentTextsWithBulkEnabled_StillMakesOneSendPairToPairSms()
    {
        await using var harness = await GhasedakHarness.StartAsync(o => o.UseBulkForSameText = true);

        await harness.SendAsync(GhasedakHarness.Message("+989121111111", "a"), GhasedakHarness.Message("+989121111112", "b"));

        Assert.EndsWith("/SendPairToPairSMS", Assert.Single(harness.Fake.Requests).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BatchLargerThanMaxBatchSize_SplitsIntoCallsOfAtMostThatSize()
    {
        await using var harness = await GhasedakHarness.StartAsync(o => o.MaxBatchSize = 3);
        var messages = Enumerable.Range(0, 7).Select(i => GhasedakHarness.Message($"+98912000000{i}")).ToArray();

        var outcomes = await harness.SendAsync(messages);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        Assert.Equal(
            ["SendPairToPairSMS", "SendPairToPairSMS", "SendSingleSMS"],
            harness.Fake.Requests.Select(r => r.Path.Split('/')[^1]));
        Assert.Equal(3, harness.Provider.Descriptor.MaxBatchSize);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task SendAsync_PascalCaseAnswer_IsReadLikeCamelCase(int count)
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.Inject(FakeGhasedakFault.PascalCase());
        var messages = Enumerable.Range(0, count).Select(i => GhasedakHarness.Message($"+98912000000{i}", $"text {i}")).ToArray();

        var outcomes = await harness.SendAsync(messages);

        Assert.Equal(harness.Fake.Messages.Select(m => m.MessageId), outcomes.Select(o => o.ProviderMessageId));
        Assert.All(outcomes, o => Assert.Equal(1_805m, o.Cost));
    }

    [Fact]
    public async Task SendAsync_Http429WithRetryAfter_IsTransientAndKeepsTheWaitCodeAndText()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.Inject(FakeGhasedakFault.Status(429, retryAfterSeconds: 7));

        var outcome = Assert.Single(await harness.SendAsync(GhasedakHarness.Message("+989121111111")));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal("429", outcome.Code);
        Assert.Equal(FakeGhasedakTexts.ForStatus(429), outcome.Text);
        Assert.Equal(TimeSpan.FromSeconds(7), outcome.RetryAfter);
        Assert.Empty(harness.Fake.Messages);
    }

    [Theory]
    [InlineData(400, SendOutcomeKind.Permanent)]
    [InlineData(401, SendOutcomeKind.Permanent)]
    [InlineData(402, SendOutcomeKind.Permanent)]
    [InlineData(404, SendOutcomeKind.Permanent)]
    [InlineData(429, SendOutcomeKind.Transient)]
    [InlineData(500, SendOutcomeKind.Transient)]
    [InlineData(503, SendOutcomeKind.Transient)]
    public async Task SendAsync_Http200WithIsSuccessFalse_FollowsTheStatusCode(int statusCode, SendOutcomeKind expected)
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.Inject(FakeGhasedakFault.FailureWithHttp200(statusCode));

        var outcomes = await harness.SendAsync(GhasedakHarness.Message("+989121111111"), GhasedakHarness.Message("+989121111112"));

        Assert.All(outcomes, o => Assert.Equal(expected, o.Kind));
        Assert.All(outcomes, o => Assert.Equal(statusCode.ToString(CultureInfo.InvariantCulture), o.Code));
        Assert.All(outcomes, o => Assert.Equal(FakeGhasedakTexts.ForStatus(statusCode), o.Text));
    }

    [Theory]
    [InlineData(502, "502")]
    [InlineData(503, "503")]
    [InlineData(200, "invalid-response")]
    public async Task SendAsync_NonJsonBody_IsTransientWithTheHttpStatusAndRetryAfter(int httpStatus, string code)
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.Inject(FakeGhasedakFault.NonJson(httpStatus, retryAfterSeconds: 3));

        var outcome = Assert.Single(await harness.SendAsync(GhasedakHarness.Message("+989121111111")));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(code, outcome.Code);
        Assert.Equal(TimeSpan.FromSeconds(3), outcome.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ConnectionReset_IsATransientNetworkFailure()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.Inject(FakeGhasedakFault.Reset());

        var outcome = Assert.Single(await harness.SendAsync(GhasedakHarness.Message("+989121111111")));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal("network", outcome.Code);
    }

    [Fact]
    public async Task SendAsync_AnswerSlowerThanOptionsTimeout_IsTransientTimeoutAndItsRetryGetsTheStoredMessage()
    {
        await using var harness = await GhasedakHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(1));
        harness.Fake.Inject(FakeGhasedakFault.Slow(TimeSpan.FromSeconds(20)));
        var message = GhasedakHarness.Message("+989121111111");

        var timedOut = Assert.Single(await harness.SendAsync(message));
        var stored = Assert.Single(harness.Fake.Messages);
        var retried = Assert.Single(await harness.SendAsync(message with { Attempt = 2 }));

        Assert.Equal((SendOutcomeKind.Transient, "timeout"), (timedOut.Kind, timedOut.Code));
        Assert.Equal((SendOutcomeKind.Accepted, stored.MessageId), (retried.Kind, retried.ProviderMessageId));
        Assert.Equal(1, harness.Fake.BillableSends(message.Id));
        Assert.Contains(harness.Services.Logs.GetSnapshot(), r => r.Id.Id == 12002 && r.Message.Contains("TaskCanceledException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_UnknownKey_FailsPermanentlyWith401AndTheGatewaysText()
    {
        await using var harness = await GhasedakHarness.StartAsync();

        var outcome = Assert.Single(await harness.Provider.SendAsync(
            harness.Context(apiKey: FakeGhasedakServer.NewKey()), [GhasedakHarness.Message("+989121111111")], Ct));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("401", outcome.Code);
        Assert.Equal(FakeGhasedakTexts.InvalidKey, outcome.Text);
    }

    [Fact]
    public async Task SendAsync_InsufficientCredit_FailsPermanentlyWith402AndStoresNothing()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.SetCredit(harness.Fake.DefaultAccount, 3_000);

        var outcomes = await harness.SendAsync(GhasedakHarness.Message("+989121111111"), GhasedakHarness.Message("+989121111112"));

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Permanent, o.Kind));
        Assert.All(outcomes, o => Assert.Equal("402", o.Code));
        Assert.All(outcomes, o => Assert.Equal(FakeGhasedakTexts.NoCredit, o.Text));
        Assert.Empty(harness.Fake.Messages);
        Assert.Equal(3_000, harness.Fake.DefaultAccount.Credit);
    }

    [Fact]
    public async Task SendAsync_CreditRefusalWithAnotherStatusCode_IsStillPermanent()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.InsufficientCreditStatusCode = 500;
        harness.Fake.SetCredit(harness.Fake.DefaultAccount, 0);

        var outcome = Assert.Single(await harness.SendAsync(GhasedakHarness.Message("+989121111111")));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("500", outcome.Code);
    }

    [Fact]
    public async Task SendAsync_LineTheAccountDoesNotHave_FailsPermanentlyWith400()
    {
        await using var harness = await GhasedakHarness.StartAsync();

        var outcome = Assert.Single(await harness.Provider.SendAsync(
            harness.Context(line: "30001234"), [GhasedakHarness.Message("+989121111111", line: null)], Ct));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("400", outcome.Code);
        Assert.Equal(FakeGhasedakTexts.InvalidLine, outcome.Text);
        Assert.Equal("30001234", Assert.Single(harness.Fake.Requests).Parameters["lineNumber"]);
    }

    [Fact]
    public async Task SendAsync_LineChoiceWord_LetsGhasedakChooseTheLine()
    {
        await using var harness = await GhasedakHarness.StartAsync();

        var outcome = Assert.Single(await harness.Provider.SendAsync(
            harness.Context(line: "cheapest"), [GhasedakHarness.Message("+989121111111", line: null)], Ct));

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal("cheapest", Assert.Single(harness.Fake.Requests).Parameters["lineNumber"]);
        Assert.Equal(FakeGhasedakServer.DefaultLine, Assert.Single(harness.Fake.Messages).LineNumber);
    }

    [Fact]
    public async Task SendAsync_RecipientsThatAreNotIranianMobiles_FailAloneWithoutSpoilingTheCall()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var messages = new[]
        {
            GhasedakHarness.Message("+989121111111"),
            GhasedakHarness.Message("+447911123456"),
            GhasedakHarness.Message("+982188776655"),
            GhasedakHarness.Message("+989121111112"),
        };

        var outcomes = await harness.SendAsync(messages);

        Assert.Equal(
            [SendOutcomeKind.Accepted, SendOutcomeKind.Permanent, SendOutcomeKind.Permanent, SendOutcomeKind.Accepted],
            outcomes.Select(o => o.Kind));
        Assert.Equal(["invalid-receptor", "invalid-receptor"], outcomes.Where(o => o.Kind == SendOutcomeKind.Permanent).Select(o => o.Code));
        Assert.Equal(["09121111111", "09121111112"], harness.Fake.Messages.Select(m => m.Receptor));
    }

    [Fact]
    public async Task SendAsync_NoLineOnMessageOrAccount_FailsPermanentlyWithoutACall()
    {
        await using var harness = await GhasedakHarness.StartAsync();

        var outcome = Assert.Single(await harness.Provider.SendAsync(
            harness.Context(line: null), [GhasedakHarness.Message("+989121111111", line: null)], Ct));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("missing-line-number", outcome.Code);
        Assert.Empty(harness.Fake.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("key with spaces")]
    [InlineData("key\r\nX-Injected: 1")]
    public async Task SendAsync_AccountWithoutAUsableApiKey_FailsPermanentlyWithoutACall(string? apiKey)
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var settings = apiKey is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["apiKey"] = apiKey };
        var context = new ProviderContext(harness.Fake.CreateAccount() with { Settings = settings });

        var outcome = Assert.Single(await harness.Provider.SendAsync(context, [GhasedakHarness.Message("+989121111111")], Ct));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("missing-api-key", outcome.Code);
        Assert.Empty(harness.Fake.Requests);
    }

    [Fact]
    public async Task SendAsync_RetriedMessagesInABiggerBatch_AreRecognisedByTheirReferences()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        var a = GhasedakHarness.Message("+989121111111", "a");
        var b = GhasedakHarness.Message("+989121111112", "b");
        var first = await harness.SendAsync(a, b);

        var retry = await harness.SendAsync(GhasedakHarness.Message("+989121111113", "c"), b with { Attempt = 2 }, a with { Attempt = 2 });

        Assert.Equal([first[1].ProviderMessageId, first[0].ProviderMessageId], retry.Skip(1).Select(o => o.ProviderMessageId));
        Assert.Equal(["a", "b", "c"], harness.Fake.Messages.Select(m => m.Text));
        Assert.Equal(10_000_000 - (3 * 1_805), harness.Fake.DefaultAccount.Credit);
    }

    [Theory]
    [InlineData(70, false, 1_805)]
    [InlineData(71, true, 2 * 1_805)]
    [InlineData(135, true, 3 * 1_805)]
    public async Task SendAsync_PersianText_AsksForConcatenationOnlyBeyondOnePartAndIsChargedPerPart(int length, bool udh, int cost)
    {
        await using var harness = await GhasedakHarness.StartAsync();

        var outcome = Assert.Single(await harness.SendAsync(GhasedakHarness.Message("+989121111111", new string('س', length))));

        Assert.Equal(udh ? "true" : "false", Assert.Single(harness.Fake.Requests).Parameters["udh"]);
        Assert.Equal(cost, outcome.Cost);
    }
}

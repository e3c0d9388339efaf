using System.Text.Json;
using Rasan.Providers.Kavenegar.Tests.Fake;
using Xunit;

namespace Rasan.Providers.Kavenegar.Tests;

public sealed class KavenegarProviderSendTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_SameTextAndSender_MakesOneSmsSendWithCommaListsNationalNumbersAndNumericLocalIds()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        var first = KavenegarHarness.Message("+989121111111", "سلام دنیا");
        var second = KavenegarHarness.Message("+989352222222", "سلام دنیا");

        var outcomes = await harness.SendAsync(first, second);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        var request = Assert.Single(harness.Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/***/sms/send.json", request.Path);
        Assert.Equal("09121111111,09352222222", request.Parameters["receptor"]);
        Assert.Equal("سلام دنیا", request.Parameters["message"]);
        Assert.Equal(FakeKavenegarServer.DefaultLine, request.Parameters["sender"]);
        Assert.Equal($"{KavenegarLocalId.Format(first.Id)},{KavenegarLocalId.Format(second.Id)}", request.Parameters["localid"]);
        Assert.All(request.Parameters["localid"].Split(','), id => Assert.True(long.TryParse(id, out var n) && n > 0));
        Assert.Equal(["09121111111", "09352222222"], harness.Fake.Messages.Select(m => m.Receptor));
        Assert.All(harness.Fake.Messages, m => Assert.Equal("سلام دنیا", m.Text));
    }

    [Fact]
    public async Task SendAsync_DifferentTexts_MakesOneSendArrayWithJsonArraysAndLocalMessageIds()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        var messages = new[]
        {
            KavenegarHarness.Message("+989121111111", "کد شما ۱۲۳"),
            KavenegarHarness.Message("+989352222222", "Your code: 456, \"quoted\""),
            KavenegarHarness.Message("+989123333333", "کد شما ۷۸۹"),
        };

        var outcomes = await harness.SendAsync(messages);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        var request = Assert.Single(harness.Fake.Requests);
        Assert.Equal("/v1/***/sms/sendarray.json", request.Path);
        Assert.Equal(["09121111111", "09352222222", "09123333333"], JsonSerializer.Deserialize<string[]>(request.Parameters["receptor"])!);
        Assert.Equal(messages.Select(m => m.Text), JsonSerializer.Deserialize<string[]>(request.Parameters["message"]));
        Assert.Equal(Enumerable.Repeat(FakeKavenegarServer.DefaultLine, 3), JsonSerializer.Deserialize<string[]>(request.Parameters["sender"]));
        Assert.Equal(string.Join(',', messages.Select(m => KavenegarLocalId.Format(m.Id))), request.Parameters["localmessageids"]);
        Assert.Equal(messages.Select(m => m.Text), harness.Fake.Messages.Select(m => m.Text));
        Assert.Equal(harness.Fake.Messages.Select(m => m.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), outcomes.Select(o => o.ProviderMessageId));
    }

    [Fact]
    public async Task SendAsync_DifferentTextsAndNoSenderLine_MakesOneSmsSendPerTextOnTheDefaultLine()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        var context = harness.Context(sender: null);
        var messages = new[]
        {
            KavenegarHarness.Message("+989121111111", "a", sender: null),
            KavenegarHarness.Message("+989121111112", "b", sender: null),
            KavenegarHarness.Message("+989121111113", "a", sender: null),
        };

        var outcomes = await harness.Provider.SendAsync(context, messages, Ct);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        Assert.Equal(["/v1/***/sms/send.json", "/v1/***/sms/send.json"], harness.Fake.Requests.Select(r => r.Path));
        Assert.Equal("09121111111,09121111113", harness.Fake.Requests[0].Parameters["receptor"]);
        Assert.DoesNotContain("sender", harness.Fake.Requests[0].Parameters.Keys);
        var stored = harness.Fake.Messages;
        Assert.Equal(
            [stored.Single(m => m.Receptor == "09121111111").MessageId, stored.Single(m => m.Receptor == "09121111112").MessageId, stored.Single(m => m.Receptor == "09121111113").MessageId],
            outcomes.Select(o => long.Parse(o.ProviderMessageId!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task SendAsync_BatchLargerThanMaxBatchSize_SplitsIntoCallsOfAtMostThatSize()
    {
        await using var harness = await KavenegarHarness.StartAsync(o => o.MaxBatchSize = 3);
        var messages = Enumerable.Range(0, 7).Select(i => KavenegarHarness.Message($"+98912000000{i}")).ToArray();

        var outcomes = await harness.SendAsync(messages);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        Assert.Equal([3, 3, 1], harness.Fake.Requests.Select(r => r.Parameters["receptor"].Split(',').Length));
        Assert.Equal(3, harness.Provider.Descriptor.MaxBatchSize);
    }

    [Fact]
    public async Task SendAsync_PersianAndLatinTexts_ReportCostInRialsByThe70And160Rule()
    {
        await using var harness = await KavenegarHarness.StartAsync();

        var outcomes = await harness.SendAsync(
            KavenegarHarness.Message("+989121111111", new string('س', 70)),
            KavenegarHarness.Message("+989121111112", new string('س', 71)),
            KavenegarHarness.Message("+989121111113", new string('a', 160)),
            KavenegarHarness.Message("+989121111114", new string('a', 161)));

        Assert.Equal([120m, 240m, 120m, 240m], outcomes.Select(o => o.Cost));
        Assert.Equal(1_000_000 - 720, harness.Fake.DefaultAccount.Balance);
    }

    [Fact]
    public async Task SendAsync_Http451WithRetryAfter_IsTransientAndKeepsTheWait()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        harness.Fake.Inject(FakeKavenegarFault.Status(451, retryAfter: 7));

        var outcome = Assert.Single(await harness.SendAsync(KavenegarHarness.Message("+989121111111")));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal("451", outcome.Code);
        Assert.Equal(FakeKavenegarTexts.Return(451), outcome.Text);
        Assert.Equal(TimeSpan.FromSeconds(7), outcome.RetryAfter);
        Assert.Empty(harness.Fake.Messages);
    }

    [Theory]
    [InlineData(402)]
    [InlineData(409)]
    public async Task SendAsync_RetryableStatus_IsTransientWithCodeAndText(int status)
    {
        await using var harness = await KavenegarHarness.StartAsync();
        harness.Fake.Inject(FakeKavenegarFault.Status(status));

        var outcome = Assert.Single(await harness.SendAsync(KavenegarHarness.Message("+989121111111")));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Code);
        Assert.Equal(FakeKavenegarTexts.Return(status), outcome.Text);
    }

    [Theory]
    [InlineData(418, SendOutcomeKind.Permanent)]
    [InlineData(409, SendOutcomeKind.Transient)]
    public async Task SendAsync_Http200WithNon200ReturnStatus_FollowsTheReturnStatus(int status, SendOutcomeKind expected)
    {
        await using var harness = await KavenegarHarness.StartAsync();
        harness.Fake.Inject(FakeKavenegarFault.StatusWithHttp200(status));

        var outcome = Assert.Single(await harness.SendAsync(KavenegarHarness.Message("+989121111111")));

        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Code);
        Assert.Equal(FakeKavenegarTexts.Return(status), outcome.Text);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    public async Task SendAsync_NonJson5xx_IsTransientWithTheHttpStatus(int status)
    {
        await using var harness = await KavenegarHarness.StartAsync();
        harness.Fake.Inject(FakeKavenegarFault.NonJson(status, retryAfter: 3));

        var outcome = Assert.Single(await harness.SendAsync(KavenegarHarness.Message("+989121111111")));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Code);
        Assert.Equal(TimeSpan.FromSeconds(3), outcome.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ConnectionReset_IsTransientNetworkFailureWithoutTheAddress()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        harness.Fake.Inject(FakeKavenegarFault.Reset());

        var outcome = Assert.Single(await harness.SendAsync(KavenegarHarness.Message("+989121111111")));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal("network", outcome.Code);
        Assert.DoesNotContain(harness.Fake.DefaultAccount.Key, outcome.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendAsync_SlowAnswerBeyondTheClientTimeout_IsTransientTimeoutAndTheRetryIsBilledOnce()
    {
        await using var harness = await KavenegarHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(1));
        var message = KavenegarHarness.Message("+989121111111");
        harness.Fake.Inject(FakeKavenegarFault.Slow(TimeSpan.FromSeconds(20)));

        var first = Assert.Single(await harness.SendAsync(message));
        var retry = Assert.Single(await harness.SendAsync(message with { Attempt = 2 }));

        Assert.Equal(SendOutcomeKind.Transient, first.Kind);
        Assert.Equal("timeout", first.Code);
        Assert.Equal(SendOutcomeKind.Accepted, retry.Kind);
        var stored = Assert.Single(harness.Fake.Messages);
        Assert.Equal(stored.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), retry.ProviderMessageId);
        Assert.Equal(1_000_000 - 120, harness.Fake.DefaultAccount.Balance);
    }

    [Fact]
    public async Task SendAsync_UnknownKey_FailsPermanentlyWith403()
    {
        await using var harness = await KavenegarHarness.StartAsync();

        var outcome = Assert.Single(await harness.Provider.SendAsync(
            harness.Context(apiKey: FakeKavenegarServer.NewKey()), [KavenegarHarness.Message("+989121111111")], Ct));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("403", outcome.Code);
        Assert.Equal(FakeKavenegarTexts.Return(403), outcome.Text);
    }

    [Fact]
    public async Task SendAsync_DisabledAccount_FailsPermanentlyWith401()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        harness.Fake.SetDisabled(harness.Fake.DefaultAccount, disabled: true);

        var outcome = Assert.Single(await harness.SendAsync(KavenegarHarness.Message("+989121111111")));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("401", outcome.Code);
    }

    [Fact]
    public async Task SendAsync_SenderLineTheAccountDoesNotHave_FailsPermanentlyWith412()
    {
        await using var harness = await KavenegarHarness.StartAsync();

        var outcome = Assert.Single(await harness.Provider.SendAsync(
            harness.Context(sender: "30001234"), [KavenegarHarness.Message("+989121111111", sender: "30001234")], Ct));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("412", outcome.Code);
        Assert.Equal(FakeKavenegarTexts.Return(412), outcome.Text);
    }

    [Fact]
    public async Task SendAsync_TextOver900Characters_FailsPermanentlyWith413()
    {
        await using var harness = await KavenegarHarness.StartAsync();

        var outcome = Assert.Single(await harness.SendAsync(KavenegarHarness.Message("+989121111111", new string('x', 901))));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("413", outcome.Code);
    }

    [Fact]
    public async Task SendAsync_NonIranianNumber_IsSentInThe00FormAndRefusedByKavenegarWith411()
    {
        await using var harness = await KavenegarHarness.StartAsync();

        var outcome = Assert.Single(await harness.SendAsync(KavenegarHarness.Message("+447911123456")));

        Assert.Equal("00447911123456", Assert.Single(harness.Fake.Requests).Parameters["receptor"]);
        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("411", outcome.Code);
    }

    [Fact]
    public async Task SendAsync_AccountWithoutApiKey_FailsPermanentlyWithoutACall()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        var context = new ProviderContext(harness.Fake.CreateAccount() with { Settings = new Dictionary<string, string>() });

        var outcome = Assert.Single(await harness.Provider.SendAsync(context, [KavenegarHarness.Message("+989121111111")], Ct));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("missing-api-key", outcome.Code);
        Assert.Empty(harness.Fake.Requests);
    }

    [Fact]
    public async Task SendAsync_SameMessageTwice_IsStoredAndChargedOnceWithTheSameProviderId()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        var message = KavenegarHarness.Message("+989121111111");

        var first = Assert.Single(await harness.SendAsync(message));
        var second = Assert.Single(await harness.SendAsync(message with { Attempt = 2 }));

        Assert.Equal(first.ProviderMessageId, second.ProviderMessageId);
        Assert.Single(harness.Fake.Messages);
        Assert.Equal(1_000_000 - 120, harness.Fake.DefaultAccount.Balance);
    }
}

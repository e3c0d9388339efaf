using System.Globalization;
using System.Text.Json;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

public sealed class FanapPlusProviderSendTests : IAsyncLifetime
{
    private FanapPlusHarness? _harness;

    private FanapPlusHarness Harness => _harness!;

    private FakeFanapPlusServer Fake => Harness.Fake;

    public async ValueTask InitializeAsync() => _harness = await FanapPlusHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness!.DisposeAsync();

    [Fact]
    public async Task SendAsync_OneMessage_PostsTheSingleShapeWithEveryFieldOnTheMessage()
    {
        var expires = new DateTimeOffset(2031, 5, 1, 21, 30, 0, 125, TimeSpan.FromHours(3.5));
        var message = FanapPlusHarness.Message("+989121234567", "Your code is 4821", MessagePriority.High, expires);

        var outcome = Assert.Single(await Harness.SendAsync(message));

        var (root, elements) = Body(Assert.Single(Fake.Calls));
        var element = Assert.Single(elements);
        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal(Assert.Single(Fake.Messages).Muid, outcome.ProviderMessageId);
        Assert.True(Guid.TryParseExact(root["Uid"], "D", out _));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", root["Date"]);
        Assert.Equal(["Uid", "Date", "Messages"], root.Keys);
        Assert.Equal(FakeFanapPlusServer.DefaultSid, element["Sid"]);
        Assert.Equal("09121234567", element["UserPhoneNumber"]);
        Assert.Equal("Your code is 4821", element["Content"]);
        Assert.Equal("Content", element["MessageType"]);
        Assert.Equal("Imi", element["ChannelType"]);
        Assert.Equal("High", element["Priority"]);
        Assert.Equal("2031-05-01T18:00:00.125Z", element["ExpirationTime"]);
        Assert.Equal($"[\"rasan:{message.Id.Value:N}\"]", element["Tags"]);
        Assert.False(element.ContainsKey("AccountId"));
    }

    [Fact]
    public async Task SendAsync_SameTextToMany_PostsOneBroadcastWithTheTextAtTheRoot()
    {
        var messages = FanapPlusHarness.Messages(20);

        var outcomes = await Harness.SendAsync(messages);

        var (root, elements) = Body(Assert.Single(Fake.Calls));
        Assert.Equal("one text for all", root["Content"]);
        Assert.Equal(FakeFanapPlusServer.DefaultSid, root["Sid"]);
        Assert.Equal("Normal", root["Priority"]);
        Assert.All(elements, e => Assert.Equal(["UserPhoneNumber", "Tags", "Signature"], e.Keys));
        AssertMuidsInOrder(messages, outcomes);
    }

    [Fact]
    public async Task SendAsync_DifferentTexts_PostsOneBatchWithEachTextOnItsMessage()
    {
        var messages = FanapPlusHarness.Messages(5, i => $"Hello number {i}");

        var outcomes = await Harness.SendAsync(messages);

        var (root, elements) = Body(Assert.Single(Fake.Calls));
        Assert.False(root.ContainsKey("Content"));
        Assert.Equal("Content", root["MessageType"]);
        Assert.Equal("Imi", root["ChannelType"]);
        Assert.All(elements.Select((e, i) => (e, i)), x =>
        {
            Assert.Equal(["UserPhoneNumber", "Content", "Tags", "Signature"], x.e.Keys);
            Assert.Equal($"Hello number {x.i}", x.e["Content"]);
        });
        AssertMuidsInOrder(messages, outcomes);
    }

    [Fact]
    public async Task SendAsync_DifferentPriorities_PostsTheSingleShapeWithManyMessages()
    {
        OutgoingMessage[] messages = [FanapPlusHarness.Message(priority: MessagePriority.High), FanapPlusHarness.Message("+989351112233", priority: MessagePriority.Low)];

        var outcomes = await Harness.SendAsync(messages);

        var (root, elements) = Body(Assert.Single(Fake.Calls));
        Assert.False(root.ContainsKey("Sid"));
        Assert.Equal(["High", "Low"], elements.Select(e => e["Priority"]));
        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
    }

    [Fact]
    public async Task SendAsync_MoreThanMaxBatchSize_SplitsIntoCallsAndKeepsTheOrder()
    {
        await using var harness = await FanapPlusHarness.StartAsync(o => o.MaxBatchSize = 3);
        var messages = FanapPlusHarness.Messages(7, i => $"text {i}");

        var outcomes = await harness.SendAsync(messages);

        Assert.Equal([3, 3, 1], harness.Fake.Calls.Select(c => Body(c).Messages.Count));
        Assert.Equal(harness.Fake.Messages.Select(m => m.Muid), outcomes.Select(o => o.ProviderMessageId));
    }

    [Fact]
    public async Task SendAsync_RetryOfTheSameMessagesInAnotherOrder_CarriesTheSameUid()
    {
        var messages = FanapPlusHarness.Messages(3, i => $"text {i}");
        Fake.Inject(FakeFanapPlusFault.Status(503, "busy"));

        var first = await Harness.SendAsync(messages);
        var retry = await Harness.SendAsync([.. messages.Reverse().Select(m => m with { Attempt = 2 })]);
        await Harness.SendAsync(messages[..2]);

        var uids = Fake.Calls.Select(c => Body(c).Root["Uid"]).ToArray();
        Assert.All(first, o => Assert.Equal(SendOutcomeKind.Transient, o.Kind));
        Assert.All(retry, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        Assert.Equal(uids[0], uids[1]);
        Assert.NotEqual(uids[0], uids[2]);
    }

    [Fact]
    public async Task SendAsync_SameMessagesAfterAnAmbiguousTimeout_AreAnsweredOnceAndBilledOnce()
    {
        await using var harness = await FanapPlusHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(1));
        var messages = FanapPlusHarness.Messages(2, i => $"text {i}");
        harness.Fake.Inject(FakeFanapPlusFault.Slow(TimeSpan.FromSeconds(10)));

        var first = await harness.SendAsync(messages);
        var retry = await harness.SendAsync(messages);

        Assert.All(first, o => Assert.Equal(("timeout", SendOutcomeKind.Transient), (o.Code, o.Kind)));
        Assert.All(retry, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        Assert.Equal(harness.Fake.Messages.Select(m => m.Muid), retry.Select(o => o.ProviderMessageId));
        Assert.All(messages, m => Assert.Equal(1, harness.Fake.BillableSends(m.Id)));
    }

    [Fact]
    public async Task SendAsync_BodyAboveGzipThreshold_IsSentAsApplicationGzip()
    {
        await using var harness = await FanapPlusHarness.StartAsync(o => o.GzipThreshold = 1_000);

        await harness.SendAsync(FanapPlusHarness.Message());
        await harness.SendAsync(FanapPlusHarness.Messages(10, i => $"a somewhat longer text for message {i}"));

        var (small, large) = (harness.Fake.Calls[0], harness.Fake.Calls[1]);
        Assert.Equal(("application/json; charset=utf-8", false, 200), (small.ContentType, small.Gzipped, small.Status));
        Assert.True(small.Json.Length <= 1_000);
        Assert.Equal(("application/gzip", true, 200), (large.ContentType, large.Gzipped, large.Status));
        Assert.True(large.Json.Length > 1_000);
        Assert.True(large.WireBytes < System.Text.Encoding.UTF8.GetByteCount(large.Json), "the gzip body is smaller (signatures are random, so not by much)");
        Assert.Null(large.ContentEncoding);
    }

    [Fact]
    public async Task SendAsync_GzipThresholdNull_SendsPlainJsonAlways()
    {
        await using var harness = await FanapPlusHarness.StartAsync(o => o.GzipThreshold = null);

        await harness.SendAsync(FanapPlusHarness.Messages(100, i => $"text {i}"));

        var call = Assert.Single(harness.Fake.Calls);
        Assert.False(call.Gzipped);
        Assert.True(call.Json.Length > FanapPlusDefaults.GzipThreshold);
    }

    [Theory]
    [InlineData("documented", FanapPlusSignatureFieldOrder.UidThenSid)]
    [InlineData("example", FanapPlusSignatureFieldOrder.SidThenUid)]
    [InlineData("SidThenUid", FanapPlusSignatureFieldOrder.SidThenUid)]
    public async Task SendAsync_SignatureOrderOfTheAccount_IsTheOrderFanapPlusVerifies(string setting, FanapPlusSignatureFieldOrder order)
    {
        Fake.DefaultAccount.SignatureOrder = order;
        var message = FanapPlusHarness.Message(text: "This is a test message");

        var outcome = Assert.Single(await Harness.SendAsync(Harness.Account(("signatureOrder", setting)), message));

        var call = Assert.Single(Fake.Calls);
        var root = Body(call).Root;
        var (first, second) = order == FanapPlusSignatureFieldOrder.UidThenSid
            ? (root["Uid"], FakeFanapPlusServer.DefaultSid)
            : (FakeFanapPlusServer.DefaultSid, root["Uid"]);
        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal($"{root["Date"]},{first},{second},Imi,Content,This is a test message", Assert.Single(call.SignedStrings));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(400)]
    public async Task SendAsync_SignatureInAnotherOrderThanFanapPlusExpects_FailsPermanentlyKeepingTheReason(int status)
    {
        Fake.DefaultAccount.SignatureOrder = FanapPlusSignatureFieldOrder.SidThenUid;
        Fake.SignatureFailureStatus = status;

        var outcomes = await Harness.SendAsync(FanapPlusHarness.Messages(2));

        Assert.All(outcomes, o => Assert.Equal(
            (SendOutcomeKind.Permanent, status.ToString(CultureInfo.InvariantCulture), "Messages[0]: Signature is not valid."),
            (o.Kind, o.Code, o.Text)));
        Assert.Empty(Fake.Messages);
    }

    [Fact]
    public async Task SendAsync_OptionsOrderSidThenUid_AppliesToAccountsWithoutTheSetting()
    {
        await using var harness = await FanapPlusHarness.StartAsync(o => o.SignatureFieldOrder = FanapPlusSignatureFieldOrder.SidThenUid);
        harness.Fake.DefaultAccount.SignatureOrder = FanapPlusSignatureFieldOrder.SidThenUid;

        var outcome = Assert.Single(await harness.SendAsync(FanapPlusHarness.Message()));

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
    }

    [Fact]
    public async Task SendAsync_SignatureAccountIdPhone_SignsThePhoneNumberInTheAccountIdSlot()
    {
        Fake.DefaultAccount.PhoneInAccountIdSlot = true;

        var outcome = Assert.Single(await Harness.SendAsync(Harness.Account(("signatureAccountId", "phone")), FanapPlusHarness.Message(text: "hi")));

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.EndsWith(",Imi,Content,09121234567,hi", Assert.Single(Assert.Single(Fake.Calls).SignedStrings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TargetAccount_SendsAndSignsTheAccountId()
    {
        var outcome = Assert.Single(await Harness.SendAsync(
            Harness.Account(("target", "account"), ("messageType", "PremiumContent"), ("channelType", "rightel")),
            FanapPlusHarness.Message("53EF14CD98B64D2F814FA5E5428A", "This is a test message")));

        var call = Assert.Single(Fake.Calls);
        var element = Assert.Single(Body(call).Messages);
        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal("53EF14CD98B64D2F814FA5E5428A", element["AccountId"]);
        Assert.Equal(("PremiumContent", "Rightel"), (element["MessageType"], element["ChannelType"]));
        Assert.EndsWith(",Rightel,PremiumContent,53EF14CD98B64D2F814FA5E5428A,This is a test message", Assert.Single(call.SignedStrings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AppIdTheServiceDidNotGrant_IsForbiddenForGood()
    {
        var outcome = Assert.Single(await Harness.SendAsync(Harness.Account(("appId", "app-7781")), FanapPlusHarness.Message()));

        Assert.Equal((SendOutcomeKind.Permanent, "403", "The AppId has no access to the service."), (outcome.Kind, outcome.Code, outcome.Text));
        Assert.Equal("app-7781", Body(Assert.Single(Fake.Calls)).Root["AppId"]);
    }

    [Fact]
    public async Task SendAsync_AppIdGranted_IsSentAtTheRootAndAccepted()
    {
        Fake.DefaultAccount.AppIds.Add("app-7781");

        var outcome = Assert.Single(await Harness.SendAsync(Harness.Account(("appId", "app-7781")), FanapPlusHarness.Message()));

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
    }

    [Fact]
    public async Task SendAsync_ServiceMayNotSendByPhoneNumber_IsForbiddenForGood()
    {
        Fake.DefaultAccount.MaySendByPhoneNumber = false;

        var outcome = Assert.Single(await Harness.SendAsync(FanapPlusHarness.Message()));

        Assert.Equal((SendOutcomeKind.Permanent, "403"), (outcome.Kind, outcome.Code));
        Assert.Equal("The service may not send by UserPhoneNumber.", outcome.Text);
    }

    [Fact]
    public async Task SendAsync_MtnWithoutReplyTo_FailsAtOnceAndTheRestIsSentWithTheirReplyTo()
    {
        var account = Harness.Account(("channelType", "mtn"));
        OutgoingMessage[] messages =
        [
            FanapPlusHarness.Message(text: "answer", options: new() { ["replyTo"] = "0c9d8e7f6a5b4c3d2e1f00112233aabb" }),
            FanapPlusHarness.Message("+989351112233", "unprompted"),
        ];

        var outcomes = await Harness.SendAsync(account, messages);

        Assert.Equal(SendOutcomeKind.Accepted, outcomes[0].Kind);
        Assert.Equal((SendOutcomeKind.Permanent, "invalid-options"), (outcomes[1].Kind, outcomes[1].Code));
        Assert.StartsWith("replyTo: FanapPlus account 'fanapplus-test' sends on channel Mtn (Irancell)", outcomes[1].Text, StringComparison.Ordinal);
        Assert.Equal("0c9d8e7f6a5b4c3d2e1f00112233aabb", Assert.Single(Fake.Messages).ReplyTo);
        Assert.Equal("Mtn", Assert.Single(Body(Assert.Single(Fake.Calls)).Messages)["ChannelType"]);
    }

    [Fact]
    public async Task SendAsync_MessageTypeOption_IsSentAndSignedInPlaceOfTheAccountsType()
    {
        var message = FanapPlusHarness.Message(text: "4821", options: new() { ["messageType"] = "Subscription" });

        var outcome = Assert.Single(await Harness.SendAsync(Harness.Account(("messageType", "PremiumContent")), message));

        var call = Assert.Single(Fake.Calls);
        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal("Subscription", Assert.Single(Body(call).Messages)["MessageType"]);
        Assert.EndsWith(",Imi,Subscription,4821", Assert.Single(call.SignedStrings), StringComparison.Ordinal);
        Assert.Equal("Subscription", Assert.Single(Fake.Messages).MessageType);
    }

    [Fact]
    public async Task SendAsync_SameTextWithTheSameMessageTypeOption_IsABroadcastWithTheTypeAtTheRoot()
    {
        var messages = FanapPlusHarness.Messages(3).Select(m => m with { ProviderOptions = new Dictionary<string, string> { ["messageType"] = "Verification" } }).ToArray();

        var outcomes = await Harness.SendAsync(messages);

        var call = Assert.Single(Fake.Calls);
        var (root, elements) = Body(call);
        Assert.Equal(("Verification", "one text for all"), (root["MessageType"], root["Content"]));
        Assert.All(elements, e => Assert.False(e.ContainsKey("MessageType")));
        Assert.All(call.SignedStrings, text => Assert.Contains(",Imi,Verification,", text, StringComparison.Ordinal));
        AssertMuidsInOrder(messages, outcomes);
    }

    [Theory]
    [InlineData("one text for all")]
    [InlineData(null)]
    public async Task SendAsync_MixedMessageTypesInOneCall_UseTheSingleShapeWithEachTypeSigned(string? sharedText)
    {
        string[] types = ["Content", "PremiumContent", "Unsubscription"];
        var messages = FanapPlusHarness.Messages(3, i => sharedText ?? $"text {i}")
            .Select((m, i) => i == 0 ? m : m with { ProviderOptions = new Dictionary<string, string> { ["messageType"] = types[i] } })
            .ToArray();

        var outcomes = await Harness.SendAsync(messages);

        var call = Assert.Single(Fake.Calls);
        var (root, elements) = Body(call);
        Assert.False(root.ContainsKey("MessageType"));
        Assert.False(root.ContainsKey("Sid"));
        Assert.Equal(types, elements.Select(e => e["MessageType"]));
        Assert.Equal(types, call.SignedStrings.Select(t => t.Split(',')[4]));
        Assert.Equal(types, Fake.Messages.Select(m => m.MessageType));
        AssertMuidsInOrder(messages, outcomes);
    }

    [Fact]
    public async Task SendAsync_ReplyToAndDeliveryDeadline_GoOnTheirMessageInUtc()
    {
        var messages = FanapPlusHarness.Messages(2);
        messages[0] = messages[0] with
        {
            ProviderOptions = new Dictionary<string, string> { ["replyTo"] = "eb2061149eb24aa09d04356a887021bd", ["deliveryDeadline"] = "2031-05-01T21:30:00.125+03:30" },
        };

        var outcomes = await Harness.SendAsync(messages);

        var (root, elements) = Body(Assert.Single(Fake.Calls));
        Assert.Equal("one text for all", root["Content"]);
        Assert.Equal(["UserPhoneNumber", "ReplyTo", "DeliveryDeadline", "Tags", "Signature"], elements[0].Keys);
        Assert.Equal(("eb2061149eb24aa09d04356a887021bd", "2031-05-01T18:00:00.125Z"), (elements[0]["ReplyTo"], elements[0]["DeliveryDeadline"]));
        Assert.Equal(["UserPhoneNumber", "Tags", "Signature"], elements[1].Keys);
        Assert.Equal(("eb2061149eb24aa09d04356a887021bd", "2031-05-01T18:00:00.125Z"), (Fake.Messages[0].ReplyTo, Fake.Messages[0].DeliveryDeadline));
        AssertMuidsInOrder(messages, outcomes);
    }

    [Fact]
    public async Task SendAsync_DeliveryDeadlineThatHasPassedSinceAccept_IsStillSent()
    {
        var message = FanapPlusHarness.Message(options: new() { ["deliveryDeadline"] = "2020-01-01T00:00:00Z" });

        var outcome = Assert.Single(await Harness.SendAsync(message));

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal("2020-01-01T00:00:00.000Z", Assert.Single(Fake.Messages).DeliveryDeadline);
    }

    [Fact]
    public async Task SendAsync_UnreadableDeliveryDeadline_FailsAtOnceWithoutACall()
    {
        var outcome = Assert.Single(await Harness.SendAsync(FanapPlusHarness.Message(options: new() { ["deliveryDeadline"] = "tomorrow" })));

        Assert.Equal((SendOutcomeKind.Permanent, "invalid-options"), (outcome.Kind, outcome.Code));
        Assert.StartsWith("deliveryDeadline: ", outcome.Text, StringComparison.Ordinal);
        Assert.Empty(Fake.Calls);
    }

    [Fact]
    public async Task SendAsync_RecipientsFanapPlusCannotTake_FailAtOnceAndTheRestIsSent()
    {
        OutgoingMessage[] messages = [FanapPlusHarness.Message("+15551234567"), FanapPlusHarness.Message(), FanapPlusHarness.Message("+989121234568", string.Empty)];

        var outcomes = await Harness.SendAsync(messages);

        Assert.Equal(("invalid-recipient", SendOutcomeKind.Permanent), (outcomes[0].Code, outcomes[0].Kind));
        Assert.Equal(SendOutcomeKind.Accepted, outcomes[1].Kind);
        Assert.Equal(("empty-message", SendOutcomeKind.Permanent), (outcomes[2].Code, outcomes[2].Kind));
        Assert.Single(Body(Assert.Single(Fake.Calls)).Messages);
    }

    [Fact]
    public async Task SendAsync_AccountWithBadSettings_FailsEveryMessageWithoutACall()
    {
        var outcomes = await Harness.SendAsync(Harness.Account(("sid", "not-a-sid"), ("channelType", "Hamrah")), FanapPlusHarness.Messages(2));

        Assert.All(outcomes, o => Assert.Equal(("invalid-account", SendOutcomeKind.Permanent), (o.Code, o.Kind)));
        Assert.Contains("sid:", outcomes[0].Text, StringComparison.Ordinal);
        Assert.Contains("channelType:", outcomes[0].Text, StringComparison.Ordinal);
        Assert.Empty(Fake.Calls);
    }

    [Theory]
    [InlineData(500, SendOutcomeKind.Transient)]
    [InlineData(503, SendOutcomeKind.Transient)]
    [InlineData(408, SendOutcomeKind.Transient)]
    [InlineData(400, SendOutcomeKind.Permanent)]
    [InlineData(403, SendOutcomeKind.Permanent)]
    [InlineData(404, SendOutcomeKind.Permanent)]
    public async Task SendAsync_StatusWithAReason_IsClassedByTheTableAndKeepsCodeAndReason(int status, SendOutcomeKind kind)
    {
        Fake.Inject(FakeFanapPlusFault.Status(status, "خطا: reason from FanapPlus"));

        var outcome = Assert.Single(await Harness.SendAsync(FanapPlusHarness.Message()));

        Assert.Equal((kind, status.ToString(CultureInfo.InvariantCulture), "خطا: reason from FanapPlus"), (outcome.Kind, outcome.Code, outcome.Text));
        Assert.Empty(Fake.Messages);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_IsTransientWithTheWait()
    {
        Fake.Inject(FakeFanapPlusFault.Status(429, "slow down", retryAfterSeconds: 7));

        var outcome = Assert.Single(await Harness.SendAsync(FanapPlusHarness.Message()));

        Assert.Equal((SendOutcomeKind.Transient, "429", TimeSpan.FromSeconds(7)), (outcome.Kind, outcome.Code, outcome.RetryAfter));
    }

    [Theory]
    [InlineData(502, "502")]
    [InlineData(200, "invalid-response")]
    public async Task SendAsync_HtmlAnswer_IsTransientWithoutTheHtml(int status, string code)
    {
        Fake.Inject(FakeFanapPlusFault.NonJson(status));

        var outcome = Assert.Single(await Harness.SendAsync(FanapPlusHarness.Message()));

        Assert.Equal((SendOutcomeKind.Transient, code), (outcome.Kind, outcome.Code));
        Assert.DoesNotContain("<", outcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConnectionDropped_IsTransientNetworkFailure()
    {
        Fake.Inject(FakeFanapPlusFault.Reset());

        var outcome = Assert.Single(await Harness.SendAsync(FanapPlusHarness.Message()));

        Assert.Equal((SendOutcomeKind.Transient, "network"), (outcome.Kind, outcome.Code));
    }

    [Fact]
    public async Task SendAsync_UidAlreadyUsedWhenFanapPlusRejectsRepeats_FailsPermanently()
    {
        Fake.DuplicateUid = FakeFanapPlusDuplicateUid.Reject;
        var message = FanapPlusHarness.Message();

        var first = Assert.Single(await Harness.SendAsync(message));
        var repeat = Assert.Single(await Harness.SendAsync(message with { Attempt = 2 }));

        Assert.Equal(SendOutcomeKind.Accepted, first.Kind);
        Assert.Equal((SendOutcomeKind.Permanent, "400", "Uid has been used before."), (repeat.Kind, repeat.Code, repeat.Text));
        Assert.Equal(1, Fake.BillableSends(message.Id));
    }

    [Fact]
    public async Task SendAsync_ManySendsThroughOneAccount_ImportTheKeyOnce()
    {
        var account = Harness.Account();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Harness.SendAsync(account, FanapPlusHarness.Message())));
        await Harness.SendAsync(account, FanapPlusHarness.Messages(3));

        Assert.Single(Harness.Services.Logs.GetSnapshot(), r => r.Id.Id == 16020);
        Assert.Equal(1, Keys.Count);
        Assert.Equal(9, Fake.Calls.Count(c => c.Status == 200));
    }

    [Fact]
    public async Task SendAsync_AccountKeyChanged_ImportsTheNewKeyAndDropsTheOld()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        var account = Harness.Account();
        await Harness.SendAsync(account, FanapPlusHarness.Message());

        var changed = account with { Settings = new Dictionary<string, string>(account.Settings) { ["privateKey"] = other.ExportRSAPrivateKeyPem() } };
        var outcome = Assert.Single(await Harness.SendAsync(changed, FanapPlusHarness.Message()));

        Assert.Equal((SendOutcomeKind.Permanent, "403"), (outcome.Kind, outcome.Code)); // the fake still holds the old public key
        Assert.Equal(2, Harness.Services.Logs.GetSnapshot().Count(r => r.Id.Id == 16020));
        Assert.Equal(1, Keys.Count);
    }

    private FanapPlusKeyCache Keys
        => (FanapPlusKeyCache)Harness.Services.Services.GetService(typeof(FanapPlusKeyCache))!;

    private void AssertMuidsInOrder(OutgoingMessage[] messages, IReadOnlyList<SendOutcome> outcomes)
    {
        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        var taken = Fake.Messages;
        Assert.Equal(messages.Select(m => FanapPlusRecipient.ToNational(m.To)), taken.Select(m => m.Target));
        Assert.Equal(taken.Select(m => m.Muid), outcomes.Select(o => o.ProviderMessageId));
        Assert.All(messages, m => Assert.Equal(1, Fake.BillableSends(m.Id)));
    }

    /// <summary>A call's root fields and its messages' fields, in the order written, values flattened.</summary>
    private static (Dictionary<string, string> Root, List<Dictionary<string, string>> Messages) Body(FakeFanapPlusCall call)
    {
        using var document = JsonDocument.Parse(call.Json);
        var root = new Dictionary<string, string>(StringComparer.Ordinal);
        var messages = new List<Dictionary<string, string>>();
        foreach (var field in document.RootElement.EnumerateObject())
        {
            root[field.Name] = Flat(field.Value);
            if (field.Name == "Messages")
            {
                messages.AddRange(field.Value.EnumerateArray().Select(m => m.EnumerateObject().ToDictionary(p => p.Name, p => Flat(p.Value), StringComparer.Ordinal)));
            }
        }

        return (root, messages);
    }

    private static string Flat(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}

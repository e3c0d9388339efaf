using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Rasan.Providers.FanapPlus.Json;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

public sealed class FanapPlusInternalsTests
{
    private const string GuideExample =
        "2018-04-09T07:11:48.011Z,9d6efd381534443e9e852abaf889d217,914a0a94-a5b5-47c9-9a19-a8926643b1e9,Imi,Content,53EF14CD98B64D2F814FA5E5428A,This is a test message";

    private static readonly IReadOnlyDictionary<string, DeliveryState> DefaultStatuses =
        new Dictionary<string, DeliveryState>(new FanapPlusOptions().DeliveryStatuses, StringComparer.OrdinalIgnoreCase);

    private static readonly FanapPlusSignedValues GuideValues = new(
        "2018-04-09T07:11:48.011Z", "914a0a94-a5b5-47c9-9a19-a8926643b1e9", "9d6efd381534443e9e852abaf889d217", "Imi", "Content", "53EF14CD98B64D2F814FA5E5428A", "This is a test message");

    [Fact]
    public void SignatureText_SidThenUid_IsTheGuidesOwnExampleString()
        => Assert.Equal(GuideExample, new FanapPlusSignatureText().Build(FanapPlusSignatureFieldOrder.SidThenUid, GuideValues));

    [Fact]
    public void SignatureText_UidThenSid_IsTheGuidesPattern()
        => Assert.Equal(
            "2018-04-09T07:11:48.011Z,914a0a94-a5b5-47c9-9a19-a8926643b1e9,9d6efd381534443e9e852abaf889d217,Imi,Content,53EF14CD98B64D2F814FA5E5428A,This is a test message",
            new FanapPlusSignatureText().Build(FanapPlusSignatureFieldOrder.UidThenSid, GuideValues));

    [Fact]
    public void SignatureText_EmptyContentOrAccountId_IsLeftOutWithItsComma()
    {
        var text = new FanapPlusSignatureText();

        Assert.Equal(
            "2018-04-09T07:11:48.011Z,914a0a94-a5b5-47c9-9a19-a8926643b1e9,9d6efd381534443e9e852abaf889d217,Imi,Content,53EF14CD98B64D2F814FA5E5428A",
            text.Build(FanapPlusSignatureFieldOrder.UidThenSid, GuideValues with { Content = string.Empty }));
        Assert.Equal(
            "2018-04-09T07:11:48.011Z,914a0a94-a5b5-47c9-9a19-a8926643b1e9,9d6efd381534443e9e852abaf889d217,Imi,Content,This is a test message",
            text.Build(FanapPlusSignatureFieldOrder.UidThenSid, GuideValues with { AccountId = null }));
    }

    [Fact]
    public void SigningKey_Sign_IsRsaSha1Pkcs1OverUtf8InStandardBase64()
    {
        var key = new FanapPlusSigningKey(FakeFanapPlusKeys.Default);
        var text = GuideExample + " — سلام، " + new string('x', 2_000);

        var signature = Convert.FromBase64String(key.Sign(text));

        Assert.Equal(256, signature.Length);
        Assert.True(FakeFanapPlusKeys.PublicOf(FakeFanapPlusKeys.Default).VerifyData(Encoding.UTF8.GetBytes(text), signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Uid_SameIdsInAnyOrder_IsTheSameVersion8Guid()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => MessageId.New(DateTimeOffset.UtcNow)).ToArray();

        var uid = FanapPlusUid.For(FakeFanapPlusServer.DefaultSid, ids);

        Assert.Equal(uid, FanapPlusUid.For(FakeFanapPlusServer.DefaultSid.ToUpperInvariant(), ids.Reverse()));
        Assert.NotEqual(uid, FanapPlusUid.For(FakeFanapPlusServer.DefaultSid, ids[..4]));
        Assert.NotEqual(uid, FanapPlusUid.For("0c9d8e7f6a5b4c3d2e1f00112233aabb", ids));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uid);
    }

    [Fact]
    public void Dates_AnyOffset_AreWrittenInUtcWithMilliseconds()
        => Assert.Equal("2024-05-01T08:30:00.125Z", FanapPlusDates.Write(new DateTimeOffset(2024, 5, 1, 12, 0, 0, 125, TimeSpan.FromHours(3.5))));

    [Theory]
    [InlineData("+989121234567", "09121234567")]
    [InlineData("00989121234567", "09121234567")]
    [InlineData("09121234567", "09121234567")]
    [InlineData("+15551234567", null)]
    [InlineData("+98212345678", null)]
    [InlineData("0912123456", null)]
    [InlineData("", null)]
    public void Recipient_ToNational_TakesIranianMobilesOnly(string to, string? expected)
        => Assert.Equal(expected, FanapPlusRecipient.ToNational(to));

    [Theory]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(413, false)]
    [InlineData(422, false)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    public void Errors_Status_IsClassedByTheOneTable(int status, bool transient)
        => Assert.Equal(transient, FanapPlusErrors.IsTransient(status));

    [Fact]
    public void Errors_RefusalWithoutAPlainTextReason_UsesTheTablesMeaningAndCapsLongReasons()
    {
        Assert.Equal(FanapPlusErrors.Describe(403), FanapPlusErrors.Refused(403, "  ", null).Text);
        Assert.Equal(FanapPlusErrors.Describe(502), FanapPlusErrors.Refused(502, "<html>bad gateway</html>", null).Text);
        Assert.Equal(501, FanapPlusErrors.Refused(400, new string('r', 2_000), null).Text!.Length);
    }

    [Fact]
    public void ClientRead_200WithMuidsAndDetails_MapsEachMessageInOrder()
    {
        var body = """
            {"puid":"003a020ae3ee473fac7cdd943f69c9e3","muids":["eb2061149eb24aa09d04356a887021bd","36078a9941bf4bf9abc54d572f1b8a5c","ff00","ff01","ff02"],
             "Details":[{"Status":"NotSupported","Code":"405","Description":"GH-405 Message type for this channel type is not supported"},
                        {"Status":"delivered"},{"Status":"SomethingNew","Code":"7"},{"Status":"Undelivered","Code":"GH-500"},{"Status":"Expired"}]}
            """u8.ToArray();

        Assert.True(FanapPlusClient.Read(body, 200, null).Succeeded(out var reply, out _));
        var outcomes = reply.Muids!.Select((muid, i) => FanapPlusErrors.Accepted(muid!, reply.Details![i], DefaultStatuses)).ToArray();

        Assert.Equal((SendOutcomeKind.Permanent, "405", "GH-405 Message type for this channel type is not supported"), (outcomes[0].Kind, outcomes[0].Code, outcomes[0].Text));
        Assert.Equal(
            (SendOutcomeKind.Accepted, "36078a9941bf4bf9abc54d572f1b8a5c", DeliveryState.Delivered, "delivered"),
            (outcomes[1].Kind, outcomes[1].ProviderMessageId, outcomes[1].Delivery, outcomes[1].DeliveryStatus));
        Assert.Equal((SendOutcomeKind.Accepted, "ff00", null), (outcomes[2].Kind, outcomes[2].ProviderMessageId, outcomes[2].Delivery));
        Assert.Equal((SendOutcomeKind.Accepted, DeliveryState.Failed), (outcomes[3].Kind, outcomes[3].Delivery));
        Assert.Equal((SendOutcomeKind.Accepted, DeliveryState.Expired), (outcomes[4].Kind, outcomes[4].Delivery));
    }

    [Fact]
    public void Errors_NotSupportedWithoutCodeOrDescription_FailsForGoodNamingTheStatus()
    {
        var outcome = FanapPlusErrors.Accepted("m", new FanapPlusDetail { Status = "notsupported" }, DefaultStatuses);

        Assert.Equal((SendOutcomeKind.Permanent, "notsupported"), (outcome.Kind, outcome.Code));
        Assert.False(string.IsNullOrWhiteSpace(outcome.Text));
    }

    [Theory]
    [InlineData("{\"Muids\":[\"a\"]}")]
    [InlineData("{\"Puid\":\"p\"}")]
    [InlineData("not json")]
    [InlineData("")]
    public void ClientRead_200WithoutPuidAndMuids_IsTransientlyUnreadable(string body)
    {
        Assert.False(FanapPlusClient.Read(Encoding.UTF8.GetBytes(body), 200, null).Succeeded(out _, out var failure));

        Assert.Equal((SendOutcomeKind.Transient, "invalid-response"), (failure.Kind, failure.Code));
    }

    [Fact]
    public void ShapeOf_PicksByCountTextPriorityExpiryAndMessageType()
    {
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        FanapPlusDraft Draft(string text, MessagePriority priority = MessagePriority.Normal, DateTimeOffset? at = null, string type = "Content")
            => new(0, FanapPlusHarness.Message(text: text, priority: priority, expiresAt: at), "09121234567", new FanapPlusMessageOptions(type, null, null));

        Assert.Equal(FanapPlusShape.Single, FanapPlusCallBuilder.ShapeOf([Draft("a")]));
        Assert.Equal(FanapPlusShape.Broadcast, FanapPlusCallBuilder.ShapeOf([Draft("a", at: expires), Draft("a", at: expires)]));
        Assert.Equal(FanapPlusShape.Batch, FanapPlusCallBuilder.ShapeOf([Draft("a"), Draft("b")]));
        Assert.Equal(FanapPlusShape.Single, FanapPlusCallBuilder.ShapeOf([Draft("a"), Draft("a", MessagePriority.High)]));
        Assert.Equal(FanapPlusShape.Single, FanapPlusCallBuilder.ShapeOf([Draft("a", at: expires), Draft("b")]));
        Assert.Equal(FanapPlusShape.Broadcast, FanapPlusCallBuilder.ShapeOf([Draft("a", type: "Verification"), Draft("a", type: "Verification")]));
        Assert.Equal(FanapPlusShape.Single, FanapPlusCallBuilder.ShapeOf([Draft("a"), Draft("a", type: "PremiumContent")]));
        Assert.Equal(FanapPlusShape.Single, FanapPlusCallBuilder.ShapeOf([Draft("a"), Draft("b", type: "Subscription")]));
    }

    [Fact]
    public void KeyCache_SameAccountAndKey_ImportsOnceAndAnUnreadableKeyIsRemembered()
    {
        var cache = new FanapPlusKeyCache(NullLogger<FanapPlusKeyCache>.Instance);
        var account = new ProviderAccount
        {
            Id = AccountId.New(DateTimeOffset.UtcNow),
            Name = "a",
            ProviderType = "fanapplus",
            Channel = Channel.Sms,
            Settings = new Dictionary<string, string> { ["privateKey"] = FakeFanapPlusKeys.DefaultPrivatePem },
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var broken = account with { Id = AccountId.New(DateTimeOffset.UtcNow), Settings = new Dictionary<string, string> { ["privateKey"] = "garbage" } };

        Assert.Equal(FanapPlusKeyProblem.None, cache.TryGet(account, out var first));
        Assert.Equal(FanapPlusKeyProblem.None, cache.TryGet(account with { Name = "renamed" }, out var second));
        Assert.Equal(FanapPlusKeyProblem.NotAKey, cache.TryGet(broken, out var none));
        Assert.Equal(FanapPlusKeyProblem.NotAKey, cache.TryGet(broken, out _));

        Assert.Same(first, second);
        Assert.Null(none);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void JsonWire_PersianTextAndBase64_AreWrittenUnescaped()
    {
        var body = new FanapPlusRequest { Uid = "u", Date = "d", Content = "سلام", Messages = [new FanapPlusRequestMessage { Signature = "a+b/c==" }] };

        var json = System.Text.Json.JsonSerializer.Serialize(body, FanapPlusJsonContext.Wire.FanapPlusRequest);

        Assert.Equal("{\"Uid\":\"u\",\"Date\":\"d\",\"Content\":\"سلام\",\"Messages\":[{\"Signature\":\"a+b/c==\"}]}", json);
    }
}

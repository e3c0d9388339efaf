using System.Net;
using Xunit;

namespace Rasan.Providers.Kavenegar.Tests;

public sealed class KavenegarInternalsTests
{
    [Fact]
    public void LocalId_SameMessageId_IsTheSamePositive63BitNumber()
    {
        var id = MessageId.Parse("0194d1c2-7a10-7cc3-8a55-6f4e2d1b0c9a", null);

        var first = KavenegarLocalId.From(id);
        var again = KavenegarLocalId.From(MessageId.Parse(id.ToString(), null));

        Assert.Equal(first, again);
        Assert.InRange(first, 1, long.MaxValue);
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), KavenegarLocalId.Format(id));

        // Pinned (computed independently: SHA-256 of the 16 RFC-order bytes, first 8 bytes big-endian, top bit cleared): a
        // change of the derivation would make retries of messages in flight look new to Kavenegar.
        Assert.Equal("9173261061574839700", KavenegarLocalId.Format(id));
    }

    [Fact]
    public void LocalId_ManyMessageIds_AreDistinct()
    {
        var start = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 10_000).Select(i => KavenegarLocalId.From(MessageId.New(start))).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }

    [Theory]
    [InlineData("+989121234567", "09121234567")]
    [InlineData("+447911123456", "00447911123456")]
    [InlineData("09121234567", "09121234567")]
    public void Receptor_FromE164_WritesTheFormKavenegarExpects(string to, string expected)
        => Assert.Equal(expected, KavenegarReceptor.FromE164(to));

    [Theory]
    [InlineData("/v1/SECRETKEY/sms/send.json", "/v1/***/sms/send.json")]
    [InlineData("/proxy/v1/SECRETKEY/account/info.json", "/proxy/v1/***/account/info.json")]
    [InlineData("/other/SECRETKEY", "/***")]
    [InlineData("/v1", "/***")]
    public void RedactPath_MasksTheKeySegmentOrTheWholePath(string path, string expected)
        => Assert.Equal(expected, KavenegarRedaction.RedactPath(path));

    [Fact]
    public void RelativeAddress_KeyWithPathCharacters_StaysOneEscapedSegment()
        => Assert.Equal("v1/a%2F..%2Fb/sms/send.json", KavenegarClient.RelativeAddress("a/../b", "sms/send").OriginalString);

    [Theory]
    [InlineData(402)]
    [InlineData(409)]
    [InlineData(451)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(599)]
    public void Errors_RetryableStatus_IsTransient(int status)
        => Assert.Equal(SendOutcomeKind.Transient, KavenegarErrors.ToOutcome(status, "متن", TimeSpan.FromSeconds(1)).Kind);

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(406)]
    [InlineData(407)]
    [InlineData(411)]
    [InlineData(412)]
    [InlineData(413)]
    [InlineData(414)]
    [InlineData(417)]
    [InlineData(418)]
    [InlineData(419)]
    [InlineData(420)]
    [InlineData(422)]
    [InlineData(426)]
    [InlineData(429)]
    [InlineData(432)]
    [InlineData(501)]
    [InlineData(607)]
    [InlineData(499)]
    public void Errors_RefusalStatus_IsPermanentWithCodeAndText(int status)
    {
        var outcome = KavenegarErrors.ToOutcome(status, "متن فارسی", retryAfter: null);

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Code);
        Assert.Equal("متن فارسی", outcome.Text);
    }

    [Fact]
    public void Errors_NoText_UsesTheTablesMeaning()
        => Assert.Equal("The account's credit is not enough.", KavenegarErrors.ToOutcome(418, null, null).Text);

    [Theory]
    [InlineData(HttpStatusCode.OK, "invalid-response")]
    [InlineData(HttpStatusCode.BadGateway, "502")]
    [InlineData(HttpStatusCode.Forbidden, "403")]
    public void Errors_UnreadableAnswer_IsTransient(HttpStatusCode status, string code)
    {
        var outcome = KavenegarErrors.ForUnreadableAnswer(status, null);

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(code, outcome.Code);
    }
}

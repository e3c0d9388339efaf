using Xunit;

namespace Rasan.Providers.Kannel.Tests;

public sealed class KannelStatusMapTests
{
    [Theory]
    [InlineData(202, "0: Accepted for delivery")]
    [InlineData(202, "3: Queued for later delivery")]
    [InlineData(200, "0: Accepted for delivery\n")]
    public void FromAnswer_KannelAccepted_IsAcceptedWithoutProviderId(int status, string body)
    {
        var outcome = KannelStatusMap.FromAnswer(status, body);

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Null(outcome.ProviderMessageId);
    }

    [Theory]
    [InlineData(400, "Missing receiver number, rejected", "400")]
    [InlineData(400, "Charset or body misformed, rejected", "400")]
    [InlineData(404, "Unknown request.", "404")]
    [InlineData(403, "Authorization failed for sendsms", "403")]
    [InlineData(403, "Not routable. Do not try again.", "403")]
    [InlineData(401, "Unauthorized", "401")]
    [InlineData(200, "<html>a web page</html>", "unexpected-answer")]
    [InlineData(302, "", "http-302")]
    public void FromAnswer_Refusal_IsPermanentKeepingCodeAndText(int status, string body, string code)
    {
        var outcome = KannelStatusMap.FromAnswer(status, body);

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal(code, outcome.Code);
        Assert.Equal(body.Length > 0 ? body : $"HTTP {status}", outcome.Text);
    }

    [Theory]
    [InlineData(500, "Sending failed.", "http-500")]
    [InlineData(503, "Service Unavailable", "http-503")]
    [InlineData(429, "Too Many Requests", "http-429")]
    [InlineData(408, "", "http-408")]
    public void FromAnswer_ServerTrouble_IsTransientKeepingText(int status, string body, string code)
    {
        var outcome = KannelStatusMap.FromAnswer(status, body, TimeSpan.FromSeconds(7));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(code, outcome.Code);
        Assert.Equal(body.Length > 0 ? body : $"HTTP {status}", outcome.Text);
        Assert.Equal(TimeSpan.FromSeconds(7), outcome.RetryAfter);
    }

    [Fact]
    public void FromAnswer_LongBody_KeepsTheFirstLineCut()
    {
        var outcome = KannelStatusMap.FromAnswer(500, new string('e', 1000) + "\nsecond line");

        Assert.Equal(KannelStatusMap.MaxTextLength, outcome.Text!.Length);
    }

    [Fact]
    public void FromFailure_ConnectionRefused_IsTransientConnect()
    {
        var outcome = KannelStatusMap.FromFailure(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9)"));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal("connect", outcome.Code);
        Assert.Equal("Connection refused (127.0.0.1:9)", outcome.Text);
    }

    [Theory]
    [InlineData(1, "", DeliveryState.Delivered)]
    [InlineData(1, "id:1 sub:001 dlvrd:001 submit date:2611231200 done date:2611231201 stat:DELIVRD err:000 text:hi", DeliveryState.Delivered)]
    [InlineData(2, "id:1 sub:001 dlvrd:000 submit date:2611231200 done date:2611241200 stat:EXPIRED err:000 text:hi", DeliveryState.Expired)]
    [InlineData(2, "id:1 sub:001 dlvrd:000 submit date:2611231200 done date:2611231201 stat:UNDELIV err:001 text:hi", DeliveryState.Failed)]
    [InlineData(2, "", DeliveryState.Failed)]
    [InlineData(4, "", DeliveryState.Pending)]
    [InlineData(8, "ACK/", DeliveryState.Pending)]
    [InlineData(16, "NACK/0x0000000b/Invalid Destination Address", DeliveryState.Failed)]
    public void FromDlrType_KannelTypes_MapToStates(int type, string reply, DeliveryState state)
        => Assert.Equal(state, KannelStatusMap.FromDlrType(type, reply));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(32)]
    [InlineData(-1)]
    public void FromDlrType_UnknownType_IsNull(int type) => Assert.Null(KannelStatusMap.FromDlrType(type, null));
}

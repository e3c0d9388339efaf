using System.Text;
using Rasan.Providers.Ghasedak.Json;
using Xunit;

namespace Rasan.Providers.Ghasedak.Tests;

public sealed class GhasedakInternalsTests
{
    [Theory]
    [InlineData(400, SendOutcomeKind.Permanent)]
    [InlineData(401, SendOutcomeKind.Permanent)]
    [InlineData(402, SendOutcomeKind.Permanent)]
    [InlineData(403, SendOutcomeKind.Permanent)]
    [InlineData(404, SendOutcomeKind.Permanent)]
    [InlineData(408, SendOutcomeKind.Transient)]
    [InlineData(409, SendOutcomeKind.Permanent)]
    [InlineData(422, SendOutcomeKind.Permanent)]
    [InlineData(429, SendOutcomeKind.Transient)]
    [InlineData(500, SendOutcomeKind.Transient)]
    [InlineData(502, SendOutcomeKind.Transient)]
    [InlineData(503, SendOutcomeKind.Transient)]
    [InlineData(599, SendOutcomeKind.Transient)]
    public void Errors_StatusCode_IsClassedByTheTable(int statusCode, SendOutcomeKind expected)
    {
        var outcome = GhasedakErrors.Refused(statusCode, "پیام قاصدک", TimeSpan.FromSeconds(2));

        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Code);
        Assert.Equal("پیام قاصدک", outcome.Text);
        Assert.Equal(expected == SendOutcomeKind.Transient ? TimeSpan.FromSeconds(2) : null, outcome.RetryAfter);
    }

    [Theory]
    [InlineData("اعتبار کافی نیست")]
    [InlineData("اعتبار حساب کاربری کافی نیست")]
    [InlineData("کمبود اعتبار")]
    [InlineData("موجودی حساب کافی نیست")]
    [InlineData("Insufficient credit")]
    public void Errors_TextAboutCredit_IsPermanentWhateverTheCode(string text)
        => Assert.Equal(SendOutcomeKind.Permanent, GhasedakErrors.Refused(500, text, null).Kind);

    [Theory]
    [InlineData("خطای اعتبارسنجی ورودی")]
    [InlineData("خطای داخلی سرور")]
    public void Errors_OtherTexts_LeaveA5xxTransient(string text)
        => Assert.Equal(SendOutcomeKind.Transient, GhasedakErrors.Refused(500, text, null).Kind);

    [Fact]
    public void Errors_NoText_UsesTheTablesMeaning()
        => Assert.Equal("The account's credit is not enough.", GhasedakErrors.Refused(402, " ", null).Text);

    [Theory]
    [InlineData("+989121234567", "09121234567")]
    [InlineData("09121234567", "09121234567")]
    [InlineData("+447911123456", null)]
    [InlineData("+982188776655", null)]
    [InlineData("+98912123456", null)]
    [InlineData("+98912123456x", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Receptor_ToNational_AcceptsIranianMobilesOnly(string? to, string? expected)
        => Assert.Equal(expected, GhasedakReceptor.ToNational(to));

    [Theory]
    [InlineData("2024-07-16T10:48:21+03:30", "2024-07-16T07:18:21Z")]
    [InlineData("2024-07-16T10:48:21.66+03:30", "2024-07-16T07:18:21.66Z")]
    [InlineData("2024-07-16T10:48:21", "2024-07-16T07:18:21Z")]
    [InlineData("2024-07-16T07:18:21Z", "2024-07-16T07:18:21Z")]
    public void Dates_Parse_ReadsTheOffsetOrAssumesTehran(string text, string utc)
        => Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), GhasedakDates.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("never")]
    public void Dates_Parse_NothingReadable_IsNull(string? text) => Assert.Null(GhasedakDates.Parse(text));

    [Fact]
    public void References_OfBulk_DependOnTheSetOfIdsNotTheirOrder()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => MessageId.New(DateTimeOffset.UtcNow)).ToArray();

        var reference = GhasedakReferences.OfBulk(ids);

        Assert.Equal(reference, GhasedakReferences.OfBulk(ids.Reverse()));
        Assert.NotEqual(reference, GhasedakReferences.OfBulk(ids.Take(2)));
        Assert.Matches("^rasan-bulk-[0-9a-f]{32}$", reference);
    }

    [Theory]
    [InlineData(0, DeliveryState.Pending)]
    [InlineData(5, DeliveryState.Pending)]
    [InlineData(11, DeliveryState.Pending)]
    [InlineData(14, DeliveryState.Delivered)]
    [InlineData(13, DeliveryState.Failed)]
    [InlineData(15, DeliveryState.Failed)]
    [InlineData(18, null)]
    [InlineData(-1, null)]
    public void MessageStatuses_Code_MapsByThePythonSdkTable(int status, DeliveryState? expected)
        => Assert.Equal(expected, GhasedakMessageStatuses.ToDeliveryState(status));

    [Fact]
    public void Read_PascalCaseEnvelopeWithANumericMessageId_IsASuccess()
    {
        var response = Read(200, """{"IsSuccess":true,"StatusCode":200,"Message":"","Data":{"MessageId":4248,"Cost":"1805","Receptor":"09121111111"}}""");

        Assert.True(response.Succeeded(out var sent, out _));
        Assert.Equal("4248", sent.MessageId);
        Assert.Equal(1_805m, sent.Cost);
    }

    [Theory]
    [InlineData(200, """{"isSuccess":true,"statusCode":200,"message":"","data":null}""", "invalid-response")]
    [InlineData(200, """{"isSuccess":false,"statusCode":200,"message":"?","data":null}""", "invalid-response")]
    [InlineData(200, """{"hello":"world"}""", "invalid-response")]
    [InlineData(200, "<html></html>", "invalid-response")]
    [InlineData(200, "", "invalid-response")]
    [InlineData(502, "<html>Bad Gateway</html>", "502")]
    [InlineData(500, """{"isSuccess":true,"statusCode":200,"data":{"messageId":"1"}}""", "500")]
    public void Read_AnswerThatIsNotASuccess_IsTransient(int httpStatus, string body, string code)
    {
        Assert.False(Read(httpStatus, body).Succeeded(out _, out var failure));
        Assert.Equal(SendOutcomeKind.Transient, failure.Kind);
        Assert.Equal(code, failure.Code);
    }

    [Theory]
    [InlineData(400, """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400}""", "400")]
    [InlineData(200, """{"isSuccess":false,"statusCode":422,"message":"خطا","data":{"errors":["x"]}}""", "422")]
    [InlineData(401, """{"isSuccess":false,"statusCode":401,"message":"کلید نامعتبر","data":null}""", "401")]
    public void Read_RefusalAsEnvelopeOrProblemDetails_IsPermanentWithItsCode(int httpStatus, string body, string code)
    {
        Assert.False(Read(httpStatus, body).Succeeded(out _, out var failure));
        Assert.Equal(SendOutcomeKind.Permanent, failure.Kind);
        Assert.Equal(code, failure.Code);
    }

    private static GhasedakResponse<GhasedakSentSms> Read(int httpStatus, string body)
        => GhasedakClient.Read(Encoding.UTF8.GetBytes(body), httpStatus, retryAfter: null, GhasedakJsonContext.Default.GhasedakReplyGhasedakSentSms);
}

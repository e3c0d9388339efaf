using System.Web;
using Xunit;

namespace Rasan.Providers.Kannel.Tests;

public sealed class KannelSendsmsQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Hello world", "0")]
    [InlineData("Prices: 10€ [net] {x} ~ ^ | \\ @ £ é à Δ", "0")]
    [InlineData("سلام دنیا", "2")]
    [InlineData("Hello 👋", "2")]
    [InlineData("naïve", "2")]
    public void Build_Text_PicksGsmOrUcs2Coding(string text, string coding)
    {
        var query = Query(KannelSendsmsQuery.Build(Account(), Message(text), Message(text).To, null, 31, Now));

        Assert.Equal(text, query["text"]);
        Assert.Equal("UTF-8", query["charset"]);
        Assert.Equal(coding, query["coding"]);
    }

    [Fact]
    public void Build_FullAccount_SendsEveryField()
    {
        var message = Message("hi & bye + more", expiresAt: Now.AddMinutes(90).AddSeconds(1));

        var query = Query(KannelSendsmsQuery.Build(Account(smsc: "MCI"), message, message.To, new Uri($"http://hub.example/rasan/callbacks/kannel/a1?mid={message.Id}&sig=abc"), 27, Now));

        Assert.Equal("rasan", query["username"]);
        Assert.Equal("p@ss word&", query["password"]);
        Assert.Equal("+989121234567", query["to"]);
        Assert.Equal("RASAN", query["from"]);
        Assert.Equal("hi & bye + more", query["text"]);
        Assert.Equal("MCI", query["smsc"]);
        Assert.Equal("91", query["validity"]);
        Assert.Equal("27", query["dlr-mask"]);
        Assert.Equal(
            $"http://hub.example/rasan/callbacks/kannel/a1?mid={message.Id}&sig=abc&type=%d&smsc=%i&fid=%F&ts=%T&reply=%A",
            query["dlr-url"]);
    }

    [Fact]
    public void Build_NoCallbackNoSenderNoSmscNoExpiry_LeavesThoseOut()
    {
        var query = Query(KannelSendsmsQuery.Build(Account(sender: null), Message("hi") with { Sender = null }, Message("hi").To, null, 31, Now));

        Assert.Equal(["charset", "coding", "password", "text", "to", "username"], query.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_UrlWithItsOwnQuery_AppendsToIt()
    {
        var uri = KannelSendsmsQuery.Build(Account(url: "http://127.0.0.1:13013/cgi-bin/sendsms?account=hub"), Message("hi"), Message("hi").To, null, 31, Now);

        Assert.StartsWith("http://127.0.0.1:13013/cgi-bin/sendsms?account=hub&username=rasan&", uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://hub/cb?mid=1&sig=%C3%A9", "http://hub/cb?mid=1&sig=%%C3%%A9&type=%d&smsc=%i&fid=%F&ts=%T&reply=%A")]
    [InlineData("http://hub/cb", "http://hub/cb?type=%d&smsc=%i&fid=%F&ts=%T&reply=%A")]
    [InlineData("http://hub/cb?mid=1&", "http://hub/cb?mid=1&type=%d&smsc=%i&fid=%F&ts=%T&reply=%A")]
    public void DlrUrl_CallbackAddress_DoublesItsPercentsAndAppendsKannelEscapes(string callback, string expected)
        => Assert.Equal(expected, KannelSendsmsQuery.DlrUrl(new Uri(callback)));

    private static KannelAccount Account(string? sender = "RASAN", string? smsc = null, string url = "http://127.0.0.1:13013/cgi-bin/sendsms")
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["url"] = url,
            ["username"] = "rasan",
            ["password"] = "p@ss word&",
        };
        if (smsc is not null)
        {
            settings["smsc"] = smsc;
        }

        var errors = new ValidationErrors();
        return KannelAccount.Read(KannelTestData.Account(settings, sender), errors) ?? throw new InvalidOperationException("invalid test account");
    }

    private static OutgoingMessage Message(string text, DateTimeOffset? expiresAt = null)
        => KannelTestData.Message(text, expiresAt: expiresAt);

    private static Dictionary<string, string> Query(Uri uri)
    {
        var query = HttpUtility.ParseQueryString(uri.Query);
        return query.AllKeys.OfType<string>().ToDictionary(k => k, k => query[k]!, StringComparer.Ordinal);
    }
}

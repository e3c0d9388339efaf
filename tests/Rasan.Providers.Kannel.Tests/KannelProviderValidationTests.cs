using Xunit;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>The provider's <see cref="IAccountValidator"/> and what a send through a bad account does.</summary>
public sealed class KannelProviderValidationTests
{
    private static readonly Dictionary<string, string> Valid = new(StringComparer.Ordinal)
    {
        ["url"] = "http://127.0.0.1:13013/cgi-bin/sendsms",
        ["username"] = "rasan",
        ["password"] = "secret",
    };

    [Theory]
    [InlineData("http://127.0.0.1:13013/cgi-bin/sendsms", null)]
    [InlineData("https://sms.example.org/cgi-bin/sendsms?account=hub", "MCI")]
    public void Validate_CompleteAccount_AddsNoErrors(string url, string? smsc)
    {
        using var host = new KannelTestHost();
        var settings = new Dictionary<string, string>(Valid) { ["url"] = url };
        if (smsc is not null)
        {
            settings["smsc"] = smsc;
        }

        var errors = new ValidationErrors();
        host.Provider.Validate(KannelTestData.Account(settings, sender: null), errors);

        Assert.Equal(0, errors.Count);
    }

    [Fact]
    public void Validate_EmptySettings_NamesEveryRequiredField()
    {
        using var host = new KannelTestHost();
        var errors = new ValidationErrors();

        host.Provider.Validate(KannelTestData.Account(new Dictionary<string, string>(), sender: null), errors);

        var found = errors.ToDictionary();
        Assert.Equal(["password", "url", "username"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The smsbox sendsms URL is required, such as http://127.0.0.1:13013/cgi-bin/sendsms.", Assert.Single(found["url"]));
        Assert.Equal("The Kannel sendsms-user name is required.", Assert.Single(found["username"]));
        Assert.Equal("The Kannel sendsms-user password is required.", Assert.Single(found["password"]));
    }

    [Theory]
    [InlineData("kannel.example:13013/cgi-bin/sendsms", "must be an absolute http or https URL")]
    [InlineData("/cgi-bin/send-sms", "must be an absolute http or https URL")]
    [InlineData("ftp://kannel.example/cgi-bin/sendsms", "must be an absolute http or https URL")]
    [InlineData("not a url", "must be an absolute http or https URL")]
    [InlineData("http://rasan:secret@127.0.0.1:13013/cgi-bin/sendsms", "must not carry credentials")]
    [InlineData("http://127.0.0.1:13013/cgi-bin/sendsms#x", "must not have a fragment")]
    public void Validate_BadUrl_ExplainsWithoutEchoingIt(string url, string expected)
    {
        using var host = new KannelTestHost();
        var errors = new ValidationErrors();

        host.Provider.Validate(KannelTestData.Account(new Dictionary<string, string>(Valid) { ["url"] = url }), errors);

        var message = Assert.Single(Assert.Single(errors.ToDictionary()).Value);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain(url, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MCI IRANCELL")]
    [InlineData("a\tb")]
    public void Validate_SmscWithSpaces_IsRejected(string smsc)
    {
        using var host = new KannelTestHost();
        var errors = new ValidationErrors();

        host.Provider.Validate(KannelTestData.Account(new Dictionary<string, string>(Valid) { ["smsc"] = smsc }), errors);

        Assert.Equal("smsc", Assert.Single(errors.ToDictionary()).Key);
    }

    [Fact]
    public async Task SendAsync_InvalidAccount_FailsEveryMessagePermanentlyWithoutARequest()
    {
        using var host = new KannelTestHost();
        var account = KannelTestData.Account(new Dictionary<string, string>(Valid) { ["url"] = "ftp://x/" });

        var outcomes = await host.Provider.SendAsync(
            new ProviderContext(account), [KannelTestData.Message("a", account), KannelTestData.Message("b", account)], TestContext.Current.CancellationToken);

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o =>
        {
            Assert.Equal(SendOutcomeKind.Permanent, o.Kind);
            Assert.Equal("account-invalid", o.Code);
            Assert.Contains("absolute http or https URL", o.Text, StringComparison.Ordinal);
        });
        Assert.Empty(host.Requests);
    }
}

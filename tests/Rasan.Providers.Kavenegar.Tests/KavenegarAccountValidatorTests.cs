using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.Kavenegar.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.Kavenegar.Tests;

public sealed class KavenegarAccountValidatorTests : IAsyncLifetime
{
    private const string Key = "6A4B2C1D0E9F8A7B6C5D4E3F2A1B0C9D";
    private ProviderTestServices? _services;

    private IAccountValidator Validator => Assert.IsAssignableFrom<IAccountValidator>(_services!.Provider);

    public ValueTask InitializeAsync()
    {
        _services = ProviderTestServices.Create(b => b.AddKavenegar());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    [Fact]
    public void Validate_KeyAndDigitsSender_ReportsNothing()
        => Assert.Empty(Validate(Account(Key, "10004346")));

    [Fact]
    public void Validate_NoSender_ReportsNothing()
        => Assert.Empty(Validate(Account(Key, sender: null)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingApiKey_ReportsApiKeyRequired(string? key)
    {
        var errors = Validate(Account(key, "10004346"));

        Assert.Equal(["A Kavenegar account needs its API key (apiKey)."], Assert.Single(errors, e => e.Key == "apiKey").Value);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("ABC DEF")]
    [InlineData("ABC/../DEF")]
    [InlineData("ABC?x=1")]
    public void Validate_ApiKeyWithCharactersNoKeyHas_ReportsItWithoutQuotingTheKey(string key)
    {
        var errors = Validate(Account(key, "10004346"));

        var messages = Assert.Single(errors, e => e.Key == "apiKey").Value;
        Assert.All(messages, m => Assert.DoesNotContain(key, m, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("RASAN")]
    [InlineData("+9810004346")]
    [InlineData("1000-4346")]
    [InlineData("123456789012345678901")]
    public void Validate_SenderNotALineNumber_ReportsSender(string sender)
    {
        var errors = Validate(Account(Key, sender));

        var message = Assert.Single(Assert.Single(errors, e => e.Key == "sender").Value);
        Assert.Equal($"The Kavenegar sender line must be a line number of 1 to 20 digits, such as 10004346; '{sender}' is not.", message);
    }

    [Fact]
    public void Validate_NoKeyAndBadSender_ReportsBoth()
        => Assert.Equal(["apiKey", "sender"], Validate(Account(null, "abc")).Keys.Order(StringComparer.Ordinal));

    private Dictionary<string, string[]> Validate(ProviderAccount account)
    {
        var errors = new ValidationErrors();
        Validator.Validate(account, errors);
        return errors.ToDictionary();
    }

    private static ProviderAccount Account(string? key, string? sender)
        => new FakeKavenegarServer().CreateAccount() with
        {
            Sender = sender,
            Settings = key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["apiKey"] = key },
        };
}

using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.Ghasedak.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.Ghasedak.Tests;

public sealed class GhasedakAccountValidatorTests : IAsyncLifetime
{
    private const string Key = "5f0c2d9e8b7a46139e2f7c1d0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b";
    private ProviderTestServices? _services;

    private IAccountValidator Validator => Assert.IsAssignableFrom<IAccountValidator>(_services!.Provider);

    public ValueTask InitializeAsync()
    {
        _services = ProviderTestServices.Create(b => b.AddGhasedak());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    [Theory]
    [InlineData("30005088")]
    [InlineData("210002100000000")]
    [InlineData("priority")]
    [InlineData("fastest")]
    [InlineData("Cheapest")]
    public void Validate_KeyAndALineNumberOrChoice_ReportsNothing(string line)
        => Assert.Empty(Validate(Account(Key, line)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingApiKey_ReportsApiKeyRequired(string? key)
    {
        var errors = Validate(Account(key, "30005088"));

        Assert.Equal(["A Ghasedak account needs its API key (apiKey)."], Assert.Single(errors).Value);
        Assert.Equal("apiKey", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData("abc def")]
    [InlineData("abc\r\nX-Injected: 1")]
    [InlineData("abc\tdef")]
    public void Validate_ApiKeyNoHeaderCanCarry_ReportsItWithoutQuotingTheKey(string key)
    {
        var message = Assert.Single(Assert.Single(Validate(Account(key, "30005088")), e => e.Key == "apiKey").Value);

        Assert.Equal("The Ghasedak API key has spaces or control characters, which no API key has.", message);
        Assert.DoesNotContain(key, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_NoLineNumber_ReportsSenderRequired(string? line)
    {
        var message = Assert.Single(Assert.Single(Validate(Account(Key, line)), e => e.Key == "sender").Value);

        Assert.Equal("A Ghasedak account needs its line number as sender: digits such as 30005088, or priority, fastest or cheapest.", message);
    }

    [Theory]
    [InlineData("RASAN")]
    [InlineData("+9830005088")]
    [InlineData("3000-5088")]
    [InlineData("123456789012345678901")]
    [InlineData("random")]
    public void Validate_SenderNeitherDigitsNorAChoice_ReportsSender(string line)
    {
        var message = Assert.Single(Assert.Single(Validate(Account(Key, line)), e => e.Key == "sender").Value);

        Assert.Equal($"The Ghasedak line number must be 1 to 20 digits, such as 30005088, or one of priority, fastest, cheapest; '{line}' is not.", message);
    }

    [Fact]
    public void Validate_NoKeyAndNoLine_ReportsBoth()
        => Assert.Equal(["apiKey", "sender"], Validate(Account(null, null)).Keys.Order(StringComparer.Ordinal));

    private Dictionary<string, string[]> Validate(ProviderAccount account)
    {
        var errors = new ValidationErrors();
        Validator.Validate(account, errors);
        return errors.ToDictionary();
    }

    private static ProviderAccount Account(string? key, string? line)
        => new FakeGhasedakServer().CreateAccount() with
        {
            Sender = line,
            Settings = key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["apiKey"] = key },
        };
}

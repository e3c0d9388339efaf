using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

public sealed class FanapPlusAccountValidatorTests : IAsyncLifetime
{
    private ProviderTestServices? _services;

    private IAccountValidator Validator => Assert.IsAssignableFrom<IAccountValidator>(_services!.Provider);

    public ValueTask InitializeAsync()
    {
        _services = ProviderTestServices.Create(b => b.AddFanapPlus());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    [Fact]
    public void Validate_EverySettingAtItsBest_ReportsNothing()
        => Assert.Empty(Validate(
            ("sid", "A1B2C3D4E5F60718293A4B5C6D7E8F90"), ("appId", "app-7781"), ("channelType", "magfa"), ("messageType", "premiumcontent"),
            ("target", "Account"), ("signatureOrder", "example"), ("signatureAccountId", "phone")));

    [Theory]
    [InlineData(null, "FanapPlus account 'fanapplus-test' needs its service id (sid): the 32 hexadecimal characters FanapPlus gave the service.")]
    [InlineData("a1b2c3", "The service id (sid) of FanapPlus account 'fanapplus-test' must be 32 hexadecimal characters, such as a1b2c3d4e5f60718293a4b5c6d7e8f90; it has 6 characters.")]
    [InlineData("3f2b1c9e-6a51-4e0f-9d7b-2a7f0c5e8b11", "The service id (sid) of FanapPlus account 'fanapplus-test' must be 32 hexadecimal characters, such as a1b2c3d4e5f60718293a4b5c6d7e8f90; it has 36 characters, not all hexadecimal.")]
    [InlineData("g1b2c3d4e5f60718293a4b5c6d7e8f90", "The service id (sid) of FanapPlus account 'fanapplus-test' must be 32 hexadecimal characters, such as a1b2c3d4e5f60718293a4b5c6d7e8f90; it has 32 characters, not all hexadecimal.")]
    public void Validate_BadSid_NamesTheFieldAndTheAccount(string? sid, string expected)
        => Assert.Equal(expected, Single(Validate(("sid", sid)), "sid"));

    [Theory]
    [InlineData(null, "FanapPlus account 'fanapplus-test' needs its channel type (channelType): Imi, Mtn, Rightel or Magfa.")]
    [InlineData("Hamrah", "The channel type (channelType) of FanapPlus account 'fanapplus-test' must be Imi, Mtn, Rightel or Magfa; 'Hamrah' is none of them.")]
    public void Validate_BadChannelType_ListsTheChannels(string? channel, string expected)
        => Assert.Equal(expected, Single(Validate(("channelType", channel)), "channelType"));

    [Theory]
    [InlineData("Verification")]
    [InlineData("subscription")]
    [InlineData("Unsubscription")]
    public void Validate_SubscriptionFlowMessageType_PointsToTheMessageOption(string type)
        => Assert.Contains("two-step subscription flow, chosen per message (the send request's providerOptions.messageType)", Single(Validate(("messageType", type)), "messageType"), StringComparison.Ordinal);

    [Theory]
    [InlineData("target", "email")]
    [InlineData("signatureOrder", "alphabetical")]
    [InlineData("signatureAccountId", "account")]
    [InlineData("messageType", "Spam")]
    public void Validate_UnknownChoice_NamesTheFieldAndTheValue(string field, string value)
    {
        var message = Single(Validate((field, value)), field);

        Assert.Contains($"({field})", message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AppIdWithSpaces_IsRefused()
        => Assert.Contains("without spaces", Single(Validate(("appId", "app 7781")), "appId"), StringComparison.Ordinal);

    [Fact]
    public void Validate_SeveralBadFields_ReportsEachOnce()
    {
        var errors = Validate(("sid", "x"), ("channelType", null), ("privateKey", "garbage"), ("target", "nobody"));

        Assert.Equal(["channelType", "privateKey", "sid", "target"], errors.Keys.Order());
    }

    private Dictionary<string, string[]> Validate(params (string Name, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string>
        {
            ["sid"] = FakeFanapPlusServer.DefaultSid,
            ["privateKey"] = FakeFanapPlusKeys.DefaultPrivatePem,
            ["channelType"] = "Imi",
        };
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                settings.Remove(name);
            }
            else
            {
                settings[name] = value;
            }
        }

        var errors = new ValidationErrors();
        Validator.Validate(
            new ProviderAccount
            {
                Id = AccountId.New(DateTimeOffset.UtcNow),
                Name = "fanapplus-test",
                ProviderType = "fanapplus",
                Channel = Channel.Sms,
                Settings = settings,
                CreatedAt = DateTimeOffset.UtcNow,
            },
            errors);
        return errors.ToDictionary();
    }

    private static string Single(Dictionary<string, string[]> errors, string field)
    {
        var entry = Assert.Single(errors);
        Assert.Equal(field, entry.Key);
        return Assert.Single(entry.Value);
    }
}

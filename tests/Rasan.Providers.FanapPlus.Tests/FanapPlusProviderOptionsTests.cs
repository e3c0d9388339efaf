using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>The checks of a message's FanapPlus options when it is accepted (<see cref="IProviderOptionsValidator"/>).</summary>
public sealed class FanapPlusProviderOptionsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2031, 5, 1, 8, 30, 0, TimeSpan.Zero);

    private readonly FakeFanapPlusServer _fake = new();
    private ProviderTestServices? _services;

    private IProviderOptionsValidator Validator => Assert.IsAssignableFrom<IProviderOptionsValidator>(_services!.Provider);

    public ValueTask InitializeAsync()
    {
        _services = ProviderTestServices.Create(b => b.AddFanapPlus());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _services!.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData("Imi")]
    [InlineData("Magfa")]
    public void Validate_NoOptionsOnAChannelWithoutReplyTo_ReportsNothing(string channel)
        => Assert.Empty(Validate(Account(("channelType", channel))));

    [Fact]
    public void Validate_EveryOptionAtItsBest_ReportsNothing()
        => Assert.Empty(Validate(
            Account(("channelType", "Mtn")),
            ("messageType", "Subscription"), ("replyTo", "0c9d8e7f-6a5b-4c3d-2e1f-00112233AABB"), ("deliveryDeadline", "2031-05-01T18:00:00+03:30")));

    [Theory]
    [InlineData("Mtn")]
    [InlineData("mtn")]
    public void Validate_MtnWithoutReplyTo_NamesTheRuleUnderReplyTo(string channel)
    {
        var errors = Validate(Account(("channelType", channel)), ("messageType", "Verification"));

        var message = Assert.Single(Assert.Single(errors, e => e.Key == "replyTo").Value);
        Assert.Equal(
            "FanapPlus account 'fanapplus-test' sends on channel Mtn (Irancell), where every message must answer one of the subscriber's: set replyTo to the Muid of that incoming message.",
            message);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("0c9d8e7f 6a5b")]
    [InlineData("muid/1")]
    [InlineData("مویید")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Validate_ReplyToNotAMuid_SaysWhatAMuidIs(string replyTo)
        => Assert.Equal(
            "replyTo must be the Muid of the subscriber's incoming message: 1 to 64 letters, digits or '-'.",
            Single(Validate(Account(), ("replyTo", replyTo)), "replyTo"));

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2031-05-01 12:00:00")]
    [InlineData("2031-05-01T12:00:00")]
    [InlineData("2031-05-01")]
    [InlineData("1778400000")]
    public void Validate_DeliveryDeadlineNotAnIsoTimeWithOffset_ShowsTheForm(string deadline)
        => Assert.Equal(
            "deliveryDeadline must be an ISO 8601 time with its offset, such as 2025-03-01T18:00:00+03:30 or 2025-03-01T14:30:00Z.",
            Single(Validate(Account(), ("deliveryDeadline", deadline)), "deliveryDeadline"));

    [Theory]
    [InlineData("2031-05-01T08:30:00Z")]
    [InlineData("2031-05-01T11:59:59+03:30")]
    [InlineData("2020-01-01T00:00:00.000Z")]
    public void Validate_DeliveryDeadlineNotInTheFuture_IsRefused(string deadline)
        => Assert.StartsWith("deliveryDeadline must be in the future; ", Single(Validate(Account(), ("deliveryDeadline", deadline)), "deliveryDeadline"), StringComparison.Ordinal);

    [Theory]
    [InlineData("2031-05-01T08:30:00.001Z")]
    [InlineData("2031-05-01T12:01+03:30")]
    [InlineData("2031-05-02T00:00:00.1234567-04:00")]
    public void Validate_DeliveryDeadlineInTheFuture_IsAccepted(string deadline)
        => Assert.Empty(Validate(Account(), ("deliveryDeadline", deadline)));

    [Fact]
    public void Validate_SeveralBadOptions_ReportsEachUnderItsName()
    {
        var errors = Validate(Account(("channelType", "Mtn")), ("deliveryDeadline", "later"));

        Assert.Equal(["deliveryDeadline", "replyTo"], errors.Keys.Order());
    }

    private ProviderAccount Account(params (string Name, string Value)[] settings)
    {
        var account = _fake.CreateAccount();
        var values = new Dictionary<string, string>(account.Settings);
        foreach (var (name, value) in settings)
        {
            values[name] = value;
        }

        return account with { Settings = values };
    }

    private Dictionary<string, string[]> Validate(ProviderAccount account, params (string Name, string Value)[] options)
    {
        var errors = new ValidationErrors();
        Validator.Validate(account, options.ToDictionary(o => o.Name, o => o.Value), Now, errors);
        return errors.ToDictionary();
    }

    private static string Single(Dictionary<string, string[]> errors, string option)
        => Assert.Single(Assert.Single(errors, e => e.Key == option).Value);
}

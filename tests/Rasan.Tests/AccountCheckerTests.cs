using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers;
using Rasan.Testing;
using Xunit;

namespace Rasan.Tests;

public sealed class AccountCheckerTests
{
    [Fact]
    public async Task Check_ValidAccount_HasNoErrors()
    {
        await using var engine = await CreateAsync();

        Assert.Equal(0, Checker(engine).Check(Account(settings: new() { ["token"] = "t" }, sender: "3000")).Count);
    }

    [Fact]
    public async Task Check_MissingRequiredFieldAndMalformedSender_NamesEachField()
    {
        await using var engine = await CreateAsync();

        var errors = Checker(engine).Check(Account(settings: new() { ["token"] = " " }, sender: "RASAN")).ToDictionary();

        Assert.Equal(["sender", "token"], errors.Keys.Order());
        Assert.Contains("Token is required", errors["token"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FieldTheProvidersOwnCheckNamed_IsReportedOnce()
    {
        await using var engine = await CreateAsync();

        var errors = Checker(engine).Check(Account(settings: new() { ["token"] = "expired" })).ToDictionary();

        Assert.Equal(["The token has expired."], Assert.Single(errors).Value);
    }

    [Fact]
    public async Task RunOnce_SameAccountOverSeveralPasses_IsCheckedOnce()
    {
        await using var engine = await CreateAsync();
        var account = Account(settings: new() { ["token"] = "t" }, sender: "3000");
        await engine.Tenancy.AddAccountAsync(account, CancellationToken.None);
        var provider = engine.Provider.GetRequiredService<CallbackTestProvider>();

        for (var i = 0; i < 3; i++)
        {
            await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "hi", Account = account.Name });
            Assert.Equal(1, await engine.Dispatcher.RunOnceAsync());
        }

        Assert.Equal(1, provider.Validations);
        Assert.Equal(3, provider.Addresses.Count);
    }

    [Fact]
    public async Task Check_UnknownProviderOrWrongChannel_NamesTheField()
    {
        await using var engine = await CreateAsync();

        Assert.Contains("providerType", Checker(engine).Check(Account(type: "nope")).ToDictionary().Keys);
        Assert.Contains("channel", Checker(engine).Check(Account(settings: new() { ["token"] = "t" }, channel: Channel.Push)).ToDictionary().Keys);
    }

    [Fact]
    public async Task RunOnce_InvalidAccount_FailsItsMessagesWithTheReasonAndSendsNothing()
    {
        await using var engine = await CreateAsync();
        var account = Account(settings: new() { ["token"] = "t" }, sender: "RASAN");
        await engine.Tenancy.AddAccountAsync(account, CancellationToken.None);
        var id = (await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "hi", Account = account.Name })).Messages[0].Id;

        await engine.Dispatcher.RunOnceAsync();

        var message = await engine.Tracker.GetMessageAsync(engine.Service, id);
        Assert.Equal(MessageStatus.Failed, message!.Status);
        Assert.Equal("account-invalid", message.ErrorCode);
        Assert.Contains("sender: The sender line must be digits.", message.ErrorText, StringComparison.Ordinal);
        Assert.Equal(0, message.Attempts);
        Assert.Empty(engine.Provider.GetRequiredService<CallbackTestProvider>().Addresses);
    }

    private static Task<EngineHarness> CreateAsync()
        => EngineHarness.CreateAsync(services: services => services.AddCallbackTestProvider());

    private static IAccountChecker Checker(EngineHarness engine) => engine.Provider.GetRequiredService<IAccountChecker>();

    private static ProviderAccount Account(
        string type = CallbackTestProvider.Type, Dictionary<string, string>? settings = null, string? sender = null, Channel? channel = null)
        => new()
        {
            Id = new AccountId(Guid.NewGuid()),
            Name = "checked",
            ProviderType = type,
            Channel = channel ?? Channel.Sms,
            Sender = sender,
            Settings = settings ?? [],
            CreatedAt = EngineHarness.Start,
        };
}

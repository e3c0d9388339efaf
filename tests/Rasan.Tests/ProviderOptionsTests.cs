using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers;
using Rasan.Testing;
using Xunit;

namespace Rasan.Tests;

/// <summary>Provider options on the send request: checked at accept time, stored, and handed to the provider.</summary>
public sealed class ProviderOptionsTests
{
    [Fact]
    public async Task Send_OptionTheProviderDoesNotHave_IsRejectedNamingItAndStoresNothing()
    {
        await using var test = await OptionsEngine.CreateAsync();

        var error = await Assert.ThrowsAsync<SendValidationException>(() => test.SendAsync(new Dictionary<string, string> { ["colour"] = "red" }));

        var message = Assert.Single(Assert.Contains("providerOptions.colour", error.Errors));
        Assert.Contains("'kind', 'reference'", message, StringComparison.Ordinal);
        Assert.Empty((await test.Engine.Tracker.SearchAsync(test.Engine.Service, new MessageQuery())).Items);
    }

    [Fact]
    public async Task Send_OptionOnAnAccountWhoseProviderHasNone_IsRejected()
    {
        await using var test = await OptionsEngine.CreateAsync();

        var error = await Assert.ThrowsAsync<SendValidationException>(() => test.Engine.Sender.SendAsync(
            test.Engine.Service,
            new SendRequest { To = ["09121234567"], Text = "hi", ProviderOptions = new Dictionary<string, string> { ["kind"] = "Plain" } }));

        Assert.Contains("it has none", Assert.Single(Assert.Contains("providerOptions.kind", error.Errors)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ValueOutsideTheAllowedOnes_IsRejectedListingThem()
    {
        await using var test = await OptionsEngine.CreateAsync();

        var error = await Assert.ThrowsAsync<SendValidationException>(() => test.SendAsync(new Dictionary<string, string> { ["kind"] = "Gold" }));

        Assert.Equal("'Gold' is not a value of 'kind': use Plain, Premium.", Assert.Single(Assert.Contains("providerOptions.kind", error.Errors)));
    }

    [Fact]
    public async Task Send_AllowedValueInAnotherCase_IsStoredInTheDeclaredSpellingAndReachesTheProvider()
    {
        await using var test = await OptionsEngine.CreateAsync();
        var receipt = await test.SendAsync(new Dictionary<string, string> { ["kind"] = "premium", ["reference"] = "MO42" });

        await test.Engine.Dispatcher.RunOnceAsync();

        var sent = Assert.Single(test.Provider.Sent);
        Assert.Equal(new Dictionary<string, string> { ["kind"] = "Premium", ["reference"] = "MO42" }, sent.ProviderOptions);
        var stored = await test.Engine.Tracker.GetMessageAsync(test.Engine.Service, receipt.Messages[0].Id);
        Assert.Equal("Premium", stored!.ProviderOptions["kind"]);
        Assert.Null(sent.OutcomeAwaitedUntil);
    }

    [Fact]
    public async Task Send_BatchItemsOverrideTheRequestsOptions_ErrorsNameWhereTheValueCameFrom()
    {
        await using var test = await OptionsEngine.CreateAsync(requireReference: true);
        var request = new SendRequest
        {
            Account = test.Account.Name,
            ProviderOptions = new Dictionary<string, string> { ["reference"] = "bad ref" },
            Messages =
            [
                new MessageDraft { To = "09121234567", Text = "a" },
                new MessageDraft { To = "09121234568", Text = "b", ProviderOptions = new Dictionary<string, string> { ["reference"] = "no-good" } },
                new MessageDraft { To = "09121234569", Text = "c", ProviderOptions = new Dictionary<string, string> { ["reference"] = "Fine1" } },
            ],
        };

        var error = await Assert.ThrowsAsync<SendValidationException>(() => test.Engine.Sender.SendAsync(test.Engine.Service, request));

        Assert.Equal(["messages[1].providerOptions.reference", "providerOptions.reference"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Send_AccountRequiresAnOptionNobodyGave_ErrorNamesTheBatchItem()
    {
        await using var test = await OptionsEngine.CreateAsync(requireReference: true);
        var request = new SendRequest
        {
            Account = test.Account.Name,
            Messages =
            [
                new MessageDraft { To = "09121234567", Text = "a", ProviderOptions = new Dictionary<string, string> { ["reference"] = "MO1" } },
                new MessageDraft { To = "09121234568", Text = "b" },
            ],
        };

        var error = await Assert.ThrowsAsync<SendValidationException>(() => test.Engine.Sender.SendAsync(test.Engine.Service, request));

        Assert.Contains("needs a reference", Assert.Single(Assert.Contains("messages[1].providerOptions.reference", error.Errors)), StringComparison.Ordinal);
        Assert.Single(error.Errors);
    }

    [Fact]
    public async Task Send_SameKeyWithOtherOptions_IsAConflictNotAReplay()
    {
        await using var test = await OptionsEngine.CreateAsync();
        SendRequest Request(string kind) => new()
        {
            To = ["09121234567"],
            Text = "hi",
            Account = test.Account.Name,
            IdempotencyKey = "order-7",
            ProviderOptions = new Dictionary<string, string> { ["kind"] = kind },
        };
        await test.Engine.Sender.SendAsync(test.Engine.Service, Request("Plain"));

        var replay = await test.Engine.Sender.SendAsync(test.Engine.Service, Request("Plain"));
        var conflict = await Assert.ThrowsAsync<IdempotencyConflictException>(() => test.Engine.Sender.SendAsync(test.Engine.Service, Request("Premium")));

        Assert.True(replay.Replayed);
        Assert.Equal(IdempotencyConflictKind.DifferentBody, conflict.Kind);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public async Task Send_WaitOutsideZeroToTwentySeconds_IsRejected(int seconds)
    {
        await using var test = await OptionsEngine.CreateAsync();

        var error = await Assert.ThrowsAsync<SendValidationException>(() => test.Engine.Sender.SendAsync(
            test.Engine.Service, new SendRequest { To = ["09121234567"], Text = "hi", AwaitOutcomeFor = TimeSpan.FromSeconds(seconds) }));

        Assert.Contains("waitSeconds", error.Errors.Keys);
    }
}

/// <summary>The engine harness with an <see cref="OptionsTestProvider"/> account beside the development one.</summary>
internal sealed class OptionsEngine : IAsyncDisposable
{
    private OptionsEngine(EngineHarness engine, OptionsTestProvider provider, ProviderAccount account)
    {
        Engine = engine;
        Provider = provider;
        Account = account;
    }

    public EngineHarness Engine { get; }

    public OptionsTestProvider Provider { get; }

    public ProviderAccount Account { get; }

    public static async Task<OptionsEngine> CreateAsync(bool requireReference = false)
    {
        var provider = new OptionsTestProvider();
        var engine = await EngineHarness.CreateAsync(services: s => s.AddSingleton<IMessageProvider>(provider));
        var account = new ProviderAccount
        {
            Id = new AccountId(Guid.NewGuid()),
            Name = "opt",
            ProviderType = OptionsTestProvider.Type,
            Channel = Channel.Sms,
            CreatedAt = EngineHarness.Start,
            Settings = new Dictionary<string, string> { ["requireReference"] = requireReference ? "true" : "false" },
        };
        await engine.Tenancy.AddAccountAsync(account, CancellationToken.None);
        return new OptionsEngine(engine, provider, account);
    }

    public Task<SendReceipt> SendAsync(IReadOnlyDictionary<string, string>? options, TimeSpan? wait = null, params string[] to)
        => Engine.Sender.SendAsync(Engine.Service, new SendRequest
        {
            To = to.Length == 0 ? ["09121234567"] : to,
            Text = "hello",
            Account = Account.Name,
            ProviderOptions = options,
            AwaitOutcomeFor = wait,
        });

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}

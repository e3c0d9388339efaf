using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers;
using Rasan.Storage;
using Rasan.Testing;
using Xunit;

namespace Rasan.Tests;

public sealed class CallbackReceiverTests
{
    private const string SigningKey = "callback-test-signing-key-0123456789";

    [Fact]
    public async Task ContextFor_CallbacksConfigured_GivesEachMessageASignedAddressUnderTheBaseUrl()
    {
        await using var engine = await CreateAsync();
        var (account, id) = await SendAndDispatchAsync(engine);

        var address = engine.Provider.GetRequiredService<CallbackTestProvider>().Addresses[id];

        Assert.NotNull(address);
        Assert.Equal($"https://hub.example/rasan/api/v1/callbacks/callback-test/{account.Id}", address.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(address.Query);
        Assert.Equal(id.ToString(), query["mid"]);
        Assert.Equal(22, query["sig"]!.Length);
    }

    [Fact]
    public async Task ContextFor_NoBaseUrl_GivesNoCallbackAddress()
    {
        await using var engine = await CreateAsync(configured: false);
        var (_, id) = await SendAndDispatchAsync(engine);

        Assert.Null(engine.Provider.GetRequiredService<CallbackTestProvider>().Addresses[id]);
    }

    [Fact]
    public async Task Receive_SignedFinalReport_DeliversTheMessage()
    {
        await using var engine = await CreateAsync();
        var (account, id) = await SendAndDispatchAsync(engine);

        var outcome = await ReceiveAsync(engine, account, id, "state=delivered&status=DELIVRD");

        Assert.Equal(CallbackOutcome.Accepted, outcome);
        var message = await engine.Tracker.GetMessageAsync(engine.Service, id);
        Assert.Equal(MessageStatus.Delivered, message!.Status);
        Assert.Equal("DELIVRD", message.Events[^1].Detail);
    }

    [Fact]
    public async Task Receive_RepeatedAndReorderedReports_RecordEachStateOnceAndKeepTheFinalOne()
    {
        await using var engine = await CreateAsync();
        var (account, id) = await SendAndDispatchAsync(engine);

        Assert.Equal(CallbackOutcome.Accepted, await ReceiveAsync(engine, account, id, "state=pending&status=ACK"));
        Assert.Equal(CallbackOutcome.Accepted, await ReceiveAsync(engine, account, id, "state=pending&status=ACK"));
        Assert.Equal(CallbackOutcome.Accepted, await ReceiveAsync(engine, account, id, "state=delivered&status=DELIVRD"));
        Assert.Equal(CallbackOutcome.Accepted, await ReceiveAsync(engine, account, id, "state=delivered&status=DELIVRD"));
        Assert.Equal(CallbackOutcome.Accepted, await ReceiveAsync(engine, account, id, "state=pending&status=BUFFERED"));
        Assert.Equal(CallbackOutcome.Accepted, await ReceiveAsync(engine, account, id, "state=failed&status=UNDELIV"));

        var message = await engine.Tracker.GetMessageAsync(engine.Service, id);
        Assert.Equal(MessageStatus.Delivered, message!.Status);
        Assert.Equal([MessageStatus.Queued, MessageStatus.Sent, MessageStatus.Sent, MessageStatus.Delivered], message.Events.Select(e => e.Status));
        Assert.Equal<string?>(["ACK", "DELIVRD"], message.Events.Skip(2).Select(e => e.Detail));
    }

    [Fact]
    public async Task Receive_ReportBeforeTheMessageIsRecordedSent_IsAppliedOnceItIs()
    {
        await using var engine = await CreateAsync();
        var account = await AddAccountAsync(engine);
        var id = (await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "hi", Account = account.Name })).Messages[0].Id;
        var address = Signer(engine).AddressFor(account, id);

        var early = ReceiveAsync(engine, account, id, "state=delivered", address);
        Assert.False(early.IsCompleted);
        await engine.Dispatcher.RunOnceAsync();
        engine.Clock.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(CallbackOutcome.Accepted, await early.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Equal(MessageStatus.Delivered, await engine.StatusAsync(id));
    }

    [Fact]
    public async Task Receive_ReportForAMessageNeverSent_IsGivenUpAfterTheWaitAndStillAnswered()
    {
        await using var engine = await CreateAsync();
        var account = await AddAccountAsync(engine);
        var id = (await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "hi", Account = account.Name })).Messages[0].Id;

        var early = ReceiveAsync(engine, account, id, "state=delivered", Signer(engine).AddressFor(account, id));
        // Fake time moves a second per step until the receiver gives up; real time bounds the loop.
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (!early.IsCompleted && bound.Elapsed < TimeSpan.FromSeconds(20))
        {
            engine.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(CallbackOutcome.Accepted, await early.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Equal(MessageStatus.Queued, await engine.StatusAsync(id));
        Assert.Contains(engine.Logs.GetSnapshot(), r => r.Id.Id == 1303);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("message")]
    [InlineData("account")]
    [InlineData("provider")]
    public async Task Receive_AddressNotSignedForThatMessageAccountAndProvider_IsNotFoundAndChangesNothing(string tampered)
    {
        await using var engine = await CreateAsync();
        var (account, id) = await SendAndDispatchAsync(engine);
        var (_, other) = await SendAndDispatchAsync(engine, account);
        var signature = HttpUtility.ParseQueryString(Signer(engine).AddressFor(account, id).Query)["sig"];

        var outcome = tampered switch
        {
            "signature" => await Receiver(engine).ReceiveAsync(account.ProviderType, account.Id, Payload($"mid={id}&sig=AAAAAAAAAAAAAAAAAAAAAA&state=delivered"), default),
            "message" => await Receiver(engine).ReceiveAsync(account.ProviderType, account.Id, Payload($"mid={other}&sig={signature}&state=delivered"), default),
            "account" => await Receiver(engine).ReceiveAsync(account.ProviderType, engine.Account.Id, Payload($"mid={id}&sig={signature}&state=delivered"), default),
            _ => await Receiver(engine).ReceiveAsync("development", account.Id, Payload($"mid={id}&sig={signature}&state=delivered"), default),
        };

        Assert.Equal(CallbackOutcome.NotFound, outcome);
        Assert.Equal(MessageStatus.Sent, await engine.StatusAsync(id));
        Assert.Equal(MessageStatus.Sent, await engine.StatusAsync(other));
    }

    [Fact]
    public async Task Receive_UnsignedAddress_IsNotFoundWithoutReadingTheAccounts()
    {
        await using var engine = await CreateAsync();
        ((ControllableTenancyStore)engine.Tenancy).Failure = new InvalidOperationException("the accounts were read");

        var outcome = await Receiver(engine).ReceiveAsync(
            CallbackTestProvider.Type, new AccountId(Guid.NewGuid()), Payload($"mid={MessageId.New(EngineHarness.Start)}&sig=AAAAAAAAAAAAAAAAAAAAAA&state=delivered"), default);

        Assert.Equal(CallbackOutcome.NotFound, outcome);
    }

    [Fact]
    public async Task Receive_SignedButNotUnderstood_IsInvalid()
    {
        await using var engine = await CreateAsync();
        var (account, id) = await SendAndDispatchAsync(engine);

        Assert.Equal(CallbackOutcome.Invalid, await ReceiveAsync(engine, account, id, "state=teleported"));
        Assert.Equal(MessageStatus.Sent, await engine.StatusAsync(id));
    }

    private static async Task<EngineHarness> CreateAsync(bool configured = true)
        => await EngineHarness.CreateAsync(
            o =>
            {
                if (configured)
                {
                    o.Callbacks.BaseUrl = new Uri("https://hub.example/rasan");
                    o.Callbacks.SigningKey = SigningKey;
                }
            },
            services => services
                .AddCallbackTestProvider()
                .DecorateSingleton<ITenancyStore, ControllableTenancyStore>(tenancy => new ControllableTenancyStore(tenancy)));

    private static async Task<ProviderAccount> AddAccountAsync(EngineHarness engine)
    {
        var account = new ProviderAccount
        {
            Id = new AccountId(Guid.NewGuid()),
            Name = "cb",
            ProviderType = CallbackTestProvider.Type,
            Channel = Channel.Sms,
            Settings = new Dictionary<string, string> { ["token"] = "t" },
            CreatedAt = EngineHarness.Start,
        };
        await engine.Tenancy.AddAccountAsync(account, CancellationToken.None);
        return account;
    }

    private static async Task<(ProviderAccount Account, MessageId Id)> SendAndDispatchAsync(EngineHarness engine, ProviderAccount? account = null)
    {
        account ??= await AddAccountAsync(engine);
        var receipt = await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "hi", Account = account.Name });
        await engine.Dispatcher.RunOnceAsync();
        return (account, receipt.Messages[0].Id);
    }

    private static Task<CallbackOutcome> ReceiveAsync(EngineHarness engine, ProviderAccount account, MessageId id, string reportQuery, Uri? address = null)
    {
        address ??= engine.Provider.GetRequiredService<CallbackTestProvider>().Addresses[id]!;
        return Receiver(engine).ReceiveAsync(account.ProviderType, account.Id, Payload(address.Query.TrimStart('?') + "&" + reportQuery), default);
    }

    private static CallbackPayload Payload(string query)
    {
        var values = HttpUtility.ParseQueryString(query);
        return new CallbackPayload("GET", values.AllKeys.ToDictionary(k => k!, k => values[k]!), null, ReadOnlyMemory<byte>.Empty);
    }

    private static ICallbackReceiver Receiver(EngineHarness engine) => engine.Provider.GetRequiredService<ICallbackReceiver>();

    private static Callbacks.CallbackSigner Signer(EngineHarness engine) => engine.Provider.GetRequiredService<Callbacks.CallbackSigner>();
}

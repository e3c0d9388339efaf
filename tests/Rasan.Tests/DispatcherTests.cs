using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Rasan.Dispatch;
using Rasan.Providers;
using Rasan.Storage;
using Xunit;

namespace Rasan.Tests;

public sealed class DispatcherTests
{
    [Fact]
    public async Task RunOnce_QueuedMessage_IsSentThenDeliveredWithHistory()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var receipt = await engine.SendAsync("09121234567");
        var id = receipt.Messages[0].Id;

        Assert.Equal(1, await engine.Dispatcher.RunOnceAsync());
        Assert.Equal(MessageStatus.Sent, await engine.StatusAsync(id));

        Assert.Equal(0, await engine.Poller.RunOnceAsync(CancellationToken.None));
        engine.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await engine.Poller.RunOnceAsync(CancellationToken.None));

        var message = await engine.Tracker.GetMessageAsync(engine.Service, id);
        Assert.Equal(MessageStatus.Delivered, message!.Status);
        Assert.Equal([MessageStatus.Queued, MessageStatus.Sent, MessageStatus.Delivered], message.Events.Select(e => e.Status));
        Assert.Equal(1, message.Attempts);
        Assert.Equal("dev-" + id, message.ProviderMessageId);
        Assert.Single(engine.Ledger.Deliveries);
    }

    [Fact]
    public async Task RunOnce_NumberEndingIn0000_FailsAfterOneAttemptKeepingProviderCode()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var id = (await engine.SendAsync("+989120000000")).Messages[0].Id;

        await engine.Dispatcher.RunOnceAsync();
        engine.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await engine.Dispatcher.RunOnceAsync());

        var message = await engine.Tracker.GetMessageAsync(engine.Service, id);
        Assert.Equal(MessageStatus.Failed, message!.Status);
        Assert.Equal("invalid-number", message.ErrorCode);
        Assert.Contains("0000", message.ErrorText, StringComparison.Ordinal);
        Assert.Equal(1, message.Attempts);
        Assert.Single(engine.Ledger.Deliveries);
    }

    [Fact]
    public async Task RunOnce_NumberEndingIn0001_RetriesWithBackoffThenSends()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var id = (await engine.SendAsync("+989120000001")).Messages[0].Id;

        await engine.Dispatcher.RunOnceAsync();
        Assert.Equal(MessageStatus.Queued, await engine.StatusAsync(id));
        Assert.Equal(0, await engine.Dispatcher.RunOnceAsync());

        engine.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await engine.Dispatcher.RunOnceAsync());
        Assert.Equal(MessageStatus.Queued, await engine.StatusAsync(id));

        engine.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await engine.Dispatcher.RunOnceAsync());
        var message = await engine.Tracker.GetMessageAsync(engine.Service, id);
        Assert.Equal(MessageStatus.Sent, message!.Status);
        Assert.Equal(3, message.Attempts);
        Assert.Equal([1, 2, 3], engine.Ledger.Deliveries.Select(d => d.Attempt));
        Assert.Equal(2, message.Events.Count(e => e.Status == MessageStatus.Queued && e.Detail!.Contains("busy", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunOnce_PastExpiry_ExpiresWithoutSending()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var receipt = await engine.Sender.SendAsync(
            engine.Service, new SendRequest { To = ["09121234567"], Text = "x", ExpiresAt = EngineHarness.Start.AddSeconds(5) });

        engine.Clock.Advance(TimeSpan.FromSeconds(5));
        await engine.Dispatcher.RunOnceAsync();

        Assert.Equal(MessageStatus.Expired, await engine.StatusAsync(receipt.Messages[0].Id));
        Assert.Empty(engine.Ledger.Deliveries);
    }

    [Fact]
    public async Task RunOnce_TransientFailuresPastExpiry_ExpireInsteadOfLateSend()
    {
        await using var engine = await EngineHarness.CreateAsync(o => o.Dispatcher.RetryBaseDelay = TimeSpan.FromSeconds(20));
        var receipt = await engine.Sender.SendAsync(
            engine.Service, new SendRequest { To = ["+989120000001"], Text = "x", ExpiresAt = EngineHarness.Start.AddSeconds(8) });

        await engine.Dispatcher.RunOnceAsync();
        engine.Clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(1, await engine.Dispatcher.RunOnceAsync());

        Assert.Equal(MessageStatus.Expired, await engine.StatusAsync(receipt.Messages[0].Id));
        Assert.Single(engine.Ledger.Deliveries);
    }

    [Fact]
    public async Task RunOnce_ScheduledMessage_WaitsUntilDue()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var receipt = await engine.Sender.SendAsync(
            engine.Service, new SendRequest { To = ["09121234567"], Text = "x", SendAt = EngineHarness.Start.AddHours(1) });
        Assert.Equal(MessageStatus.Scheduled, receipt.Messages[0].Status);

        engine.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await engine.Dispatcher.RunOnceAsync());
        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await engine.Dispatcher.RunOnceAsync());

        Assert.Equal(MessageStatus.Sent, await engine.StatusAsync(receipt.Messages[0].Id));
    }

    [Fact]
    public async Task RunOnce_MixedPriorities_ClaimsHighFirst()
    {
        await using var engine = await EngineHarness.CreateAsync(o => o.Dispatcher.ClaimBatchSize = 1);
        var low = await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121111111"], Text = "x", Priority = MessagePriority.Low });
        var high = await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09122222222"], Text = "x", Priority = MessagePriority.High });
        var normal = await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09123333333"], Text = "x" });

        for (var i = 0; i < 3; i++)
        {
            await engine.Dispatcher.RunOnceAsync();
        }

        Assert.Equal(
            [high.Messages[0].Id, normal.Messages[0].Id, low.Messages[0].Id],
            engine.Ledger.Deliveries.Select(d => d.MessageId));
    }

    [Fact]
    public async Task RunOnce_LeaseOfCrashedDispatcher_IsReclaimedAndStaleWriteFenced()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var id = (await engine.SendAsync("09121234567")).Messages[0].Id;
        var zombie = await engine.Store.ClaimAsync(
            new ClaimOptions { Owner = "zombie", Now = engine.Clock.GetUtcNow(), LeaseDuration = TimeSpan.FromSeconds(60), Limit = 10 },
            CancellationToken.None);
        Assert.Equal(0, await engine.Dispatcher.RunOnceAsync());

        engine.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await engine.Dispatcher.RunOnceAsync());
        var late = new MessageTransition
        {
            Id = id,
            Owner = "zombie",
            LeaseVersion = zombie[0].LeaseVersion,
            Status = MessageStatus.Failed,
            At = engine.Clock.GetUtcNow(),
            ErrorCode = "late",
            Detail = "late",
        };

        Assert.Equal(0, await engine.Store.CompleteAsync([late], CancellationToken.None));
        var message = await engine.Tracker.GetMessageAsync(engine.Service, id);
        Assert.Equal(MessageStatus.Sent, message!.Status);
        Assert.Single(message.Events, e => e.Status == MessageStatus.Sent);
    }

    [Fact]
    public async Task RunOnce_AccountRateLimit_DefersTheRestWithoutCountingAttempts()
    {
        await using var engine = await EngineHarness.CreateAsync(rateLimit: 2);
        var receipt = await engine.SendAsync("09121111111", "09122222222", "09123333333", "09124444444", "09125555555");

        await engine.Dispatcher.RunOnceAsync();
        Assert.Equal(2, engine.Ledger.Deliveries.Count);
        Assert.Equal(0, await engine.Dispatcher.RunOnceAsync());

        engine.Clock.Advance(TimeSpan.FromSeconds(1));
        await engine.Dispatcher.RunOnceAsync();
        Assert.Equal(4, engine.Ledger.Deliveries.Count);
        engine.Clock.Advance(TimeSpan.FromSeconds(1));
        await engine.Dispatcher.RunOnceAsync();

        Assert.Equal(5, engine.Ledger.Deliveries.Count);
        foreach (var m in receipt.Messages)
        {
            var info = await engine.Tracker.GetMessageAsync(engine.Service, m.Id);
            Assert.Equal(MessageStatus.Sent, info!.Status);
            Assert.Equal(1, info.Attempts);
        }
    }

    [Fact]
    public async Task RunOnce_ProviderKeepsFailing_OpensBreakerAndStopsCalling()
    {
        var failing = new FailingProvider();
        await using var engine = await EngineHarness.CreateAsync(
            o => o.Dispatcher.BreakerFailureThreshold = 2,
            s => s.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProvider>(failing)));
        await engine.Tenancy.AddAccountAsync(
            new ProviderAccount { Id = new AccountId(Guid.NewGuid()), Name = "broken", ProviderType = "failing", Channel = Channel.Sms, CreatedAt = EngineHarness.Start },
            CancellationToken.None);
        await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "x", Account = "broken" });

        await engine.Dispatcher.RunOnceAsync();
        engine.Clock.Advance(TimeSpan.FromSeconds(5));
        await engine.Dispatcher.RunOnceAsync();
        Assert.Equal(2, failing.Calls);

        engine.Clock.Advance(TimeSpan.FromSeconds(10));
        await engine.Dispatcher.RunOnceAsync();
        Assert.Equal(2, failing.Calls);

        engine.Clock.Advance(TimeSpan.FromSeconds(30));
        await engine.Dispatcher.RunOnceAsync();
        Assert.Equal(3, failing.Calls);
    }

    [Fact]
    public async Task RunOnce_ProviderThrows_RecordsTransientWithoutLeakingTheException()
    {
        var failing = new FailingProvider();
        await using var engine = await EngineHarness.CreateAsync(
            services: s => s.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProvider>(failing)));
        await engine.Tenancy.AddAccountAsync(
            new ProviderAccount { Id = new AccountId(Guid.NewGuid()), Name = "broken", ProviderType = "failing", Channel = Channel.Sms, CreatedAt = EngineHarness.Start },
            CancellationToken.None);
        var id = (await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "x", Account = "broken" })).Messages[0].Id;

        await engine.Dispatcher.RunOnceAsync();

        var message = await engine.Tracker.GetMessageAsync(engine.Service, id);
        Assert.Equal(MessageStatus.Queued, message!.Status);
        Assert.Equal("provider-exception", message.ErrorCode);
        Assert.DoesNotContain(FailingProvider.Secret, message.Events.Last().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_SlowProviderUsesUpTheLease_GivesBackWhatCannotBeSentSafely()
    {
        var (engine, slow) = await SlowEngineAsync(maxBatchSize: 1);
        await using var _ = engine;
        var receipt = await engine.Sender.SendAsync(
            engine.Service,
            new SendRequest { To = Enumerable.Range(0, 8).Select(i => $"0912100000{i + 2}").ToArray(), Text = "x", Account = "slow" });

        Assert.Equal(5, await engine.Dispatcher.RunOnceAsync());

        // Calls start at 0, 9, 18, 27 and 36 s; one at 45 s would end after 60 s − 10 s timeout − 6 s margin.
        Assert.Equal(5, slow.Calls);
        var statuses = new List<MessageInfo>();
        foreach (var m in receipt.Messages)
        {
            statuses.Add((await engine.Tracker.GetMessageAsync(engine.Service, m.Id))!);
        }

        Assert.Equal(5, statuses.Count(m => m.Status == MessageStatus.Sent));
        Assert.All(statuses.Where(m => m.Status != MessageStatus.Sent), m => Assert.Equal((MessageStatus.Queued, 0), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task RunOnce_PartOfABatchExpiresWhileWaitingForASendSlot_SendsOnlyTheRestOnce()
    {
        var (engine, slow) = await SlowEngineAsync(maxBatchSize: 2);
        await using var _ = engine;
        var receipt = await engine.Sender.SendAsync(
            engine.Service,
            new SendRequest
            {
                Account = "slow",
                Messages =
                [
                    new MessageDraft { To = "09121000002", Text = "first batch" },
                    new MessageDraft { To = "09121000003", Text = "first batch" },
                    new MessageDraft { To = "09121000004", Text = "expires in the queue", ExpiresAt = EngineHarness.Start.AddSeconds(5) },
                    new MessageDraft { To = "09121000005", Text = "second batch" },
                ],
            });

        await engine.Dispatcher.RunOnceAsync();

        // The second call starts at 9 s, after the third message expired: the provider never gets it.
        Assert.Equal(2, slow.Calls);
        Assert.Equal(["+989121000002", "+989121000003", "+989121000005"], slow.Sent);
        var statuses = new List<(MessageStatus, int)>();
        foreach (var m in receipt.Messages)
        {
            var info = (await engine.Tracker.GetMessageAsync(engine.Service, m.Id))!;
            statuses.Add((info.Status, info.Attempts));
        }

        Assert.Equal([(MessageStatus.Sent, 1), (MessageStatus.Sent, 1), (MessageStatus.Expired, 0), (MessageStatus.Sent, 1)], statuses);
    }

    [Fact]
    public async Task RunOnce_BreakerTrialNeverSettled_LapsesAndTheAccountSendsAgain()
    {
        await using var engine = await EngineHarness.CreateAsync(o => o.Dispatcher.BreakerFailureThreshold = 1);
        var dispatcher = engine.Provider.GetRequiredService<IOptions<RasanOptions>>().Value.Dispatcher;
        var guard = engine.Provider.GetRequiredService<AccountGuards>().For(engine.Account);
        guard.Breaker.RecordFailure(engine.Clock.GetUtcNow());
        engine.Clock.Advance(dispatcher.BreakerBreakDuration);

        // A trial is let through and then lost (its pass failed before the call): nothing settles it.
        Assert.True(guard.Breaker.TryEnter(engine.Clock.GetUtcNow()));
        var id = (await engine.SendAsync("09121234567")).Messages[0].Id;
        await engine.Dispatcher.RunOnceAsync();
        Assert.Equal(MessageStatus.Queued, await engine.StatusAsync(id));

        engine.Clock.Advance(dispatcher.LeaseDuration);
        await engine.Dispatcher.RunOnceAsync();

        Assert.Equal(MessageStatus.Sent, await engine.StatusAsync(id));
    }

    [Fact]
    public async Task Logs_FullDispatchLifecycle_NeverContainFullPhoneNumbers()
    {
        await using var engine = await EngineHarness.CreateAsync();
        await engine.SendAsync("09120000000", "09120000001", "09121234567");

        await engine.Dispatcher.RunOnceAsync();
        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        await engine.Dispatcher.RunOnceAsync();
        await engine.Poller.RunOnceAsync(CancellationToken.None);

        var logs = engine.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, r => r.Message.Contains("9120000000", StringComparison.Ordinal) || r.Message.Contains("9121234567", StringComparison.Ordinal));
    }

    /// <summary>
    /// The engine with one send slot, a 60 s lease, a 10 s provider timeout and an account "slow" whose provider takes
    /// 9 s (of the fake clock) per call.
    /// </summary>
    private static async Task<(EngineHarness Engine, SlowProvider Slow)> SlowEngineAsync(int maxBatchSize)
    {
        FakeTimeProvider? clock = null;
        var slow = new SlowProvider(() => clock!.Advance(TimeSpan.FromSeconds(9)), maxBatchSize);
        var engine = await EngineHarness.CreateAsync(
            o =>
            {
                o.Dispatcher.LeaseDuration = TimeSpan.FromSeconds(60);
                o.Dispatcher.ProviderTimeout = TimeSpan.FromSeconds(10);
                o.Dispatcher.MaxConcurrentSends = 1;
            },
            s => s.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProvider>(slow)));
        clock = engine.Clock;
        await engine.Tenancy.AddAccountAsync(
            new ProviderAccount { Id = new AccountId(Guid.NewGuid()), Name = "slow", ProviderType = "slow", Channel = Channel.Sms, CreatedAt = EngineHarness.Start },
            CancellationToken.None);
        return (engine, slow);
    }

    private sealed class SlowProvider(Action elapse, int maxBatchSize) : IMessageProvider
    {
        public int Calls { get; private set; }

        public List<string> Sent { get; } = [];

        public ProviderDescriptor Descriptor { get; } = new() { Type = "slow", DisplayName = "Slow", Channel = Channel.Sms, MaxBatchSize = maxBatchSize };

        public Task<IReadOnlyList<SendOutcome>> SendAsync(ProviderContext context, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
        {
            Calls++;
            Sent.AddRange(messages.Select(m => m.To));
            elapse();
            return Task.FromResult<IReadOnlyList<SendOutcome>>([.. messages.Select(_ => SendOutcome.Accepted())]);
        }
    }

    private sealed class FailingProvider : IMessageProvider
    {
        public const string Secret = "key-in-url-SECRET";

        public int Calls { get; private set; }

        public ProviderDescriptor Descriptor { get; } = new() { Type = "failing", DisplayName = "Failing", Channel = Channel.Sms };

        public Task<IReadOnlyList<SendOutcome>> SendAsync(ProviderContext context, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
        {
            Calls++;
            throw new HttpRequestException($"connection refused to https://api.example/{Secret}/send");
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rasan.InMemory;
using Rasan.Storage;
using Rasan.Testing;
using Xunit;

namespace Rasan.Tests;

public sealed class MessageSenderTests
{
    [Theory]
    [InlineData("09121234567")]
    [InlineData("989121234567")]
    [InlineData("00989121234567")]
    [InlineData("+98 912 123 4567")]
    [InlineData("9121234567")]
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷")]
    public async Task SendAsync_IranianLocalForms_NormaliseToE164(string input)
    {
        await using var engine = await EngineHarness.CreateAsync();

        var receipt = await engine.SendAsync(input);

        Assert.Equal("+989121234567", receipt.Messages[0].To);
        Assert.Equal(MessageStatus.Queued, receipt.Messages[0].Status);
    }

    [Fact]
    public async Task SendAsync_Broadcast_StoresOneMessagePerRecipientInOrder()
    {
        await using var engine = await EngineHarness.CreateAsync();

        var receipt = await engine.SendAsync("09121111111", "09122222222", "09123333333");

        var request = await engine.Tracker.GetRequestAsync(engine.Service, receipt.RequestId);
        Assert.Equal(receipt.Messages.Select(m => m.Id), request!.Messages.Select(m => m.Id));
        Assert.Equal(["+989121111111", "+989122222222", "+989123333333"], request.Messages.Select(m => m.To));
        Assert.True(receipt.Messages[0].Id < receipt.Messages[1].Id && receipt.Messages[1].Id < receipt.Messages[2].Id);
    }

    [Fact]
    public async Task SendAsync_Batch_KeepsEachTextAndOverride()
    {
        await using var engine = await EngineHarness.CreateAsync();

        var receipt = await engine.Sender.SendAsync(engine.Service, new SendRequest
        {
            Priority = MessagePriority.Low,
            Messages =
            [
                new MessageDraft { To = "09121111111", Text = "first" },
                new MessageDraft { To = "09122222222", Text = "second", Priority = MessagePriority.High, Tags = ["otp"] },
            ],
        });

        var first = await engine.Tracker.GetMessageAsync(engine.Service, receipt.Messages[0].Id);
        var second = await engine.Tracker.GetMessageAsync(engine.Service, receipt.Messages[1].Id);
        Assert.Equal(("first", MessagePriority.Low), (first!.Text, first.Priority));
        Assert.Equal(("second", MessagePriority.High), (second!.Text, second.Priority));
        Assert.Equal(["otp"], second.Tags);
        Assert.Equal("dev", second.Account);
    }

    public static TheoryData<string, SendRequest> InvalidRequests() => new()
    {
        { "to[1]", new SendRequest { To = ["09121234567", "12ab"], Text = "x" } },
        { "to", new SendRequest { To = [], Text = "x" } },
        { "to", new SendRequest { Text = "x" } },
        { "text", new SendRequest { To = ["09121234567"], Text = "  " } },
        { "text", new SendRequest { To = ["09121234567"], Text = new string('a', 1601) } },
        { "to", new SendRequest { To = Enumerable.Repeat("09121234567", 1001).ToArray(), Text = "x" } },
        { "account", new SendRequest { To = ["09121234567"], Text = "x", Account = "nope" } },
        { "channel", new SendRequest { To = ["a@b.c"], Text = "x", Channel = "email" } },
        { "channel", new SendRequest { To = ["09121234567"], Text = "x", Channel = "s m s" } },
        { "expiresAt", new SendRequest { To = ["09121234567"], Text = "x", ExpiresAt = EngineHarness.Start.AddSeconds(-1) } },
        { "expiresAt", new SendRequest { To = ["09121234567"], Text = "x", SendAt = EngineHarness.Start.AddHours(2), ExpiresAt = EngineHarness.Start.AddHours(1) } },
        { "priority", new SendRequest { To = ["09121234567"], Text = "x", Priority = (MessagePriority)7 } },
        { "tags[1]", new SendRequest { To = ["09121234567"], Text = "x", Tags = ["ok", ""] } },
        { "messages", new SendRequest { To = ["09121234567"], Text = "x", Messages = [new MessageDraft { To = "09121234567", Text = "y" }] } },
        { "messages", new SendRequest { Messages = [] } },
        { "messages[3].text", new SendRequest { Messages = [Draft(), Draft(), Draft(), new MessageDraft { To = "09121234567", Text = "" }] } },
        { "messages[1].to", new SendRequest { Messages = [Draft(), new MessageDraft { To = "0912", Text = "y" }] } },
        { "messages[0].account", new SendRequest { Messages = [new MessageDraft { To = "09121234567", Text = "y", Account = "nope" }] } },
        { "text", new SendRequest { To = ["09121234567"], Text = "a\0b" } },
        { "tags[0]", new SendRequest { To = ["09121234567"], Text = "x", Tags = ["a\0"] } },
        { "Idempotency-Key", new SendRequest { To = ["09121234567"], Text = "x", IdempotencyKey = "has space" } },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task SendAsync_InvalidRequest_NamesTheFieldAndStoresNothing(string path, SendRequest request)
    {
        await using var engine = await EngineHarness.CreateAsync();

        var error = await Assert.ThrowsAsync<SendValidationException>(() => engine.Sender.SendAsync(engine.Service, request));

        Assert.Contains(path, error.Errors.Keys);
        Assert.NotEmpty(error.Errors[path][0]);
        var page = await engine.Tracker.SearchAsync(engine.Service, new MessageQuery());
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyAndBody_ReplaysTheFirstReceipt()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var request = new SendRequest { To = ["09121234567", "09121111111"], Text = "x", IdempotencyKey = "key-0001" };

        var first = await engine.Sender.SendAsync(engine.Service, request);
        await engine.Dispatcher.RunOnceAsync();
        var second = await engine.Sender.SendAsync(engine.Service, request);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.RequestId, second.RequestId);
        Assert.Equal(first.Messages, second.Messages);
        Assert.Equal(2, (await engine.Tracker.SearchAsync(engine.Service, new MessageQuery())).Items.Count);
    }

    [Fact]
    public async Task SendAsync_RetryAfterItsExpiryPassed_ReplaysInsteadOfRejecting()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var request = new SendRequest { To = ["09121234567"], Text = "code 1234", ExpiresAt = EngineHarness.Start.AddMinutes(2), IdempotencyKey = "otp-0001" };
        var first = await engine.Sender.SendAsync(engine.Service, request);

        engine.Clock.Advance(TimeSpan.FromMinutes(3));
        var retry = await engine.Sender.SendAsync(engine.Service, request);

        Assert.True(retry.Replayed);
        Assert.Equal(first.RequestId, retry.RequestId);
        await Assert.ThrowsAsync<SendValidationException>(
            () => engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "code 1234", ExpiresAt = EngineHarness.Start.AddMinutes(2), IdempotencyKey = "otp-0002" }));
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyOtherBody_ConflictsAndStoresNothing()
    {
        await using var engine = await EngineHarness.CreateAsync();
        await engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "x", IdempotencyKey = "key-0002" });

        var error = await Assert.ThrowsAsync<IdempotencyConflictException>(
            () => engine.Sender.SendAsync(engine.Service, new SendRequest { To = ["09121234567"], Text = "y", IdempotencyKey = "key-0002" }));

        Assert.Equal(IdempotencyConflictKind.DifferentBody, error.Kind);
        Assert.Single((await engine.Tracker.SearchAsync(engine.Service, new MessageQuery())).Items);
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyWhileFirstInFlight_ConflictsAsInFlight()
    {
        var store = new ControllableMessageStore(new InMemoryMessageStore());
        await using var engine = await EngineHarness.CreateAsync(services: s => s.Replace(ServiceDescriptor.Singleton<IMessageStore>(store)));
        var request = new SendRequest { To = ["09121234567"], Text = "x", IdempotencyKey = "key-0003" };
        store.HoldAccepts();

        var first = engine.Sender.SendAsync(engine.Service, request);
        await store.AcceptEntered.Task;
        var error = await Assert.ThrowsAsync<IdempotencyConflictException>(() => engine.Sender.SendAsync(engine.Service, request));
        store.ReleaseAccepts();

        Assert.Equal(IdempotencyConflictKind.InFlight, error.Kind);
        Assert.False((await first).Replayed);
    }

    [Fact]
    public async Task SendAsync_ConcurrentRequests_AreGroupCommittedAndEachAnsweredAfterItsCommit()
    {
        var store = new ControllableMessageStore(new InMemoryMessageStore());
        await using var engine = await EngineHarness.CreateAsync(services: s => s.Replace(ServiceDescriptor.Singleton<IMessageStore>(store)));
        store.HoldAccepts();

        var first = engine.SendAsync("09121234567");
        await store.AcceptEntered.Task;
        var others = Enumerable.Range(0, 20).Select(i => engine.SendAsync($"0912100{i:D4}")).ToArray();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(others, t => t.IsCompleted);
        store.ReleaseAccepts();
        await Task.WhenAll(others.Append(first));

        Assert.Equal([1, 20], store.AcceptBatchSizes);
        Assert.Equal(21, (await engine.Tracker.SearchAsync(engine.Service, new MessageQuery { Limit = 100 })).Items.Count);
    }

    [Fact]
    public async Task SendAsync_StoreFails_SurfacesTheErrorToEveryCallerOfTheBatch()
    {
        var store = new ControllableMessageStore(new InMemoryMessageStore()) { Failure = new TimeoutException("database unreachable") };
        await using var engine = await EngineHarness.CreateAsync(services: s => s.Replace(ServiceDescriptor.Singleton<IMessageStore>(store)));

        await Assert.ThrowsAsync<TimeoutException>(() => engine.SendAsync("09121234567"));
    }

    [Fact]
    public async Task CancelAsync_ScheduledMessage_IsCancelledAndNeverSent()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var id = (await engine.Sender.SendAsync(
            engine.Service, new SendRequest { To = ["09121234567"], Text = "x", SendAt = EngineHarness.Start.AddMinutes(5) })).Messages[0].Id;

        Assert.Equal(CancelResult.Cancelled, await engine.Sender.CancelAsync(engine.Service, id));
        engine.Clock.Advance(TimeSpan.FromMinutes(10));
        await engine.Dispatcher.RunOnceAsync();

        Assert.Equal(MessageStatus.Cancelled, await engine.StatusAsync(id));
        Assert.Empty(engine.Ledger.Deliveries);
        Assert.Equal(CancelResult.TooLate, await engine.Sender.CancelAsync(engine.Service, id));
        Assert.Equal(CancelResult.NotFound, await engine.Sender.CancelAsync(new ServiceId(Guid.NewGuid()), id));
    }

    [Fact]
    public async Task WaitForOutcomeAsync_DispatchDuringWait_ReturnsWhenSent()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var ids = (await engine.SendAsync("09121234567", "09121111111")).Messages.Select(m => m.Id).ToArray();

        var wait = engine.Tracker.WaitForOutcomeAsync(engine.Service, ids, TimeSpan.FromSeconds(20));
        Assert.False(wait.IsCompleted);
        await engine.Dispatcher.RunOnceAsync();
        var statuses = await wait.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.All(statuses, s => Assert.Equal(MessageStatus.Sent, s.Status));
    }

    [Fact]
    public async Task WaitForOutcomeAsync_NothingHappens_ReturnsCurrentStatusesAtTimeout()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var ids = (await engine.SendAsync("09121234567")).Messages.Select(m => m.Id).ToArray();

        var wait = engine.Tracker.WaitForOutcomeAsync(engine.Service, ids, TimeSpan.FromSeconds(3));
        for (var i = 0; i < 20 && !wait.IsCompleted; i++)
        {
            engine.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        var statuses = await wait.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(MessageStatus.Queued, Assert.Single(statuses).Status);
    }

    private static MessageDraft Draft() => new() { To = "09121234567", Text = "y" };
}

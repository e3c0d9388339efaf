using Microsoft.Extensions.Options;
using Rasan.Accept;
using Rasan.Dispatch;
using Rasan.InMemory;
using Rasan.Storage;
using Rasan.Telemetry;
using Rasan.Testing;
using Xunit;

namespace Rasan.Tests;

public sealed class GroupCommitWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SubmitAsync_WhileAWriteRuns_QueuesUpToTheMessageLimitPerCommit()
    {
        var store = new ControllableMessageStore(new InMemoryMessageStore());
        using var instrumentation = new RasanInstrumentation();
        using var writer = new GroupCommitWriter(store, Options.Create(new RasanOptions { GroupCommitMaxMessages = 10 }), instrumentation, new DispatchSignal());
        store.HoldAccepts();

        var first = writer.SubmitAsync(Request(1), CancellationToken.None);
        await store.AcceptEntered.Task;
        var queued = Enumerable.Range(0, 6).Select(_ => writer.SubmitAsync(Request(3), CancellationToken.None)).ToArray();
        store.ReleaseAccepts();
        var results = await Task.WhenAll(queued.Prepend(first));

        Assert.All(results, r => Assert.Null(r.Existing));
        Assert.Equal([1, 3, 3], store.AcceptBatchSizes);
    }

    [Fact]
    public async Task Dispose_WithQueuedRequests_WritesThemThenRefusesNewOnes()
    {
        var store = new ControllableMessageStore(new InMemoryMessageStore());
        using var instrumentation = new RasanInstrumentation();
        var writer = new GroupCommitWriter(store, Options.Create(new RasanOptions()), instrumentation, new DispatchSignal());
        store.HoldAccepts();
        var first = writer.SubmitAsync(Request(1), CancellationToken.None);
        await store.AcceptEntered.Task;
        var second = writer.SubmitAsync(Request(1), CancellationToken.None);

        var disposing = Task.Run(writer.Dispose);
        store.ReleaseAccepts();
        await disposing;

        Assert.Null((await first).Existing);
        Assert.Null((await second).Existing);
        Assert.Throws<ObjectDisposedException>(() => { _ = writer.SubmitAsync(Request(1), CancellationToken.None); });
    }

    [Fact]
    public async Task SubmitAsync_CallerCancels_TheRequestIsStillWrittenForTheOthers()
    {
        var inner = new InMemoryMessageStore();
        var store = new ControllableMessageStore(inner);
        using var instrumentation = new RasanInstrumentation();
        var dispatch = new DispatchSignal();
        using var writer = new GroupCommitWriter(store, Options.Create(new RasanOptions()), instrumentation, dispatch);
        store.HoldAccepts();
        using var cancel = new CancellationTokenSource();
        var cancelled = Request(1);

        var first = writer.SubmitAsync(cancelled, cancel.Token);
        await store.AcceptEntered.Task;
        await cancel.CancelAsync();
        store.ReleaseAccepts();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.True(await dispatch.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None));
        var next = Request(1);
        await writer.SubmitAsync(next, CancellationToken.None);

        // The writer goes in order, so once the next request is stored the cancelled one has been written too.
        Assert.NotNull(await inner.GetRequestAsync(cancelled.ServiceId, cancelled.Id, CancellationToken.None));
        Assert.NotNull(await inner.GetRequestAsync(next.ServiceId, next.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Write_BatchWithARequestTheStoreRefuses_StoresEveryOtherOnceAndFailsOnlyThatOne()
    {
        var inner = new InMemoryMessageStore();
        var store = new ControllableMessageStore(inner);
        using var instrumentation = new RasanInstrumentation();
        using var writer = new GroupCommitWriter(store, Options.Create(new RasanOptions()), instrumentation, new DispatchSignal());
        var refused = Request(1);
        store.Refuse = r => r == refused;
        store.HoldAccepts();

        var first = writer.SubmitAsync(Request(1), CancellationToken.None);
        await store.AcceptEntered.Task;
        var others = new[] { Request(1), Request(2) };
        var queued = new[] { writer.SubmitAsync(others[0], CancellationToken.None), writer.SubmitAsync(refused, CancellationToken.None), writer.SubmitAsync(others[1], CancellationToken.None) };
        store.ReleaseAccepts();

        await first;
        Assert.Null((await queued[0]).Existing);
        await Assert.ThrowsAsync<InvalidOperationException>(() => queued[1]);
        Assert.Null((await queued[2]).Existing);
        Assert.Equal([1, 3, 1, 1, 1], store.AcceptBatchSizes);
        foreach (var request in others)
        {
            var stored = await inner.GetRequestAsync(request.ServiceId, request.Id, CancellationToken.None);
            Assert.Equal(request.Messages.Select(m => m.Id), stored!.Messages.Select(m => m.Id));
        }

        Assert.Null(await inner.GetRequestAsync(refused.ServiceId, refused.Id, CancellationToken.None));
    }

    private static NewRequest Request(int messages)
    {
        var service = new ServiceId(Guid.NewGuid());
        return new NewRequest
        {
            Id = new RequestId(Guid.CreateVersion7(Now)),
            ServiceId = service,
            CreatedAt = Now,
            Messages = [.. Enumerable.Range(0, messages).Select(_ => new NewMessage
            {
                Id = MessageId.New(Now),
                Channel = Channel.Sms,
                To = "+989121234567",
                Text = "x",
                AccountId = new AccountId(Guid.NewGuid()),
                AccountName = "dev",
                Priority = MessagePriority.Normal,
                Status = MessageStatus.Queued,
                DueAt = Now,
            })],
        };
    }
}

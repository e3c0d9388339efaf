using Microsoft.Extensions.Options;
using Rasan.Accept;
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
        using var writer = new GroupCommitWriter(store, Options.Create(new RasanOptions { GroupCommitMaxMessages = 10 }), instrumentation);
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
        var writer = new GroupCommitWriter(store, Options.Create(new RasanOptions()), instrumentation);
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
        var store = new ControllableMessageStore(new InMemoryMessageStore());
        using var instrumentation = new RasanInstrumentation();
        using var writer = new GroupCommitWriter(store, Options.Create(new RasanOptions()), instrumentation);
        store.HoldAccepts();
        using var cancel = new CancellationTokenSource();

        var first = writer.SubmitAsync(Request(1), cancel.Token);
        await store.AcceptEntered.Task;
        await cancel.CancelAsync();
        store.ReleaseAccepts();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal([1], store.AcceptBatchSizes);
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

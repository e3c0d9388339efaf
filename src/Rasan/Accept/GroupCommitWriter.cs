using Microsoft.Extensions.Options;
using Rasan.Storage;
using Rasan.Telemetry;

namespace Rasan.Accept;

/// <summary>
/// Writes concurrent accepts in shared transactions. The first caller to find no write running becomes the writer:
/// it stores everything queued (up to <see cref="RasanOptions.GroupCommitMaxMessages"/>) and completes each caller;
/// what arrived meanwhile is written next, in the background. No caller waits for a timer, and each returns only after its commit.
/// </summary>
internal sealed class GroupCommitWriter(IMessageStore store, IOptions<RasanOptions> options, RasanInstrumentation instrumentation)
{
    private readonly Lock _lock = new();
    private readonly Queue<Pending> _queue = new();
    private bool _writing;

    public Task<AcceptResult> SubmitAsync(NewRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request);
        lock (_lock)
        {
            _queue.Enqueue(pending);
            if (_writing)
            {
                return pending.Completion.Task.WaitAsync(cancellationToken);
            }

            _writing = true;
        }

        return WriteAsync(pending);
    }

    private async Task<AcceptResult> WriteAsync(Pending own)
    {
        // The leader's own request is first in the queue, so the first batch completes it; later batches (requests
        // that arrived during this write) go on in the background so the leader's caller is answered now.
        await WriteBatchAsync(TakeBatch()!);
        if (HasMore())
        {
            _ = Task.Run(DrainAsync);
        }

        return await own.Completion.Task;
    }

    private async Task DrainAsync()
    {
        while (TakeBatch() is { } batch)
        {
            await WriteBatchAsync(batch);
        }
    }

    private bool HasMore()
    {
        lock (_lock)
        {
            if (_queue.Count > 0)
            {
                return true;
            }

            _writing = false;
            return false;
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            // One caller's cancellation must not abandon the others' writes: the shared write is not cancellable.
            var results = await store.AcceptAsync(batch.ConvertAll(p => p.Request), CancellationToken.None);
            instrumentation.GroupCommitSize.Record(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }
        }
    }

    private List<Pending>? TakeBatch()
    {
        var limit = options.Value.GroupCommitMaxMessages;
        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                _writing = false;
                return null;
            }

            var batch = new List<Pending>();
            var messages = 0;
            while (_queue.TryPeek(out var next) && (batch.Count == 0 || messages + next.Request.Messages.Count <= limit))
            {
                batch.Add(_queue.Dequeue());
                messages += next.Request.Messages.Count;
            }

            return batch;
        }
    }

    private sealed record Pending(NewRequest Request)
    {
        public TaskCompletionSource<AcceptResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

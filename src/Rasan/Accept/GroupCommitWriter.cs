using Microsoft.Extensions.Options;
using Rasan.Dispatch;
using Rasan.Storage;
using Rasan.Telemetry;

namespace Rasan.Accept;

/// <summary>
/// Writes concurrent accepts in shared transactions (group commit) on one dedicated thread: it stores everything
/// queued (up to <see cref="RasanOptions.GroupCommitMaxMessages"/> messages) in one call to the store, completes each
/// caller, and goes on with what arrived meanwhile. No caller waits for a timer, each returns only after its commit,
/// and a store that does its I/O synchronously (SQLite) never blocks the thread pool that serves requests.
/// </summary>
internal sealed class GroupCommitWriter(
    IMessageStore store, IOptions<RasanOptions> options, RasanInstrumentation instrumentation, DispatchSignal dispatchSignal)
    : IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    // A monitor rather than a semaphore: the writer sleeps until work comes instead of spinning, which on a small
    // machine would take the CPU the requests need.
    private readonly object _lock = new();
    private readonly Queue<Pending> _queue = new();
    private Thread? _thread;
    private bool _stopping;

    public Task<AcceptResult> SubmitAsync(NewRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _queue.Enqueue(pending);
            if (_queue.Count == 1)
            {
                Monitor.Pulse(_lock);
            }

            _thread ??= Start();
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what is queued, then stops the writer thread.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_lock)
        {
            _stopping = true;
            thread = _thread;
            Monitor.Pulse(_lock);
        }

        thread?.Join(StopTimeout);
    }

    private Thread Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "Rasan group commit" };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        while (true)
        {
            lock (_lock)
            {
                while (_queue.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_lock);
                }
            }

            while (TakeBatch() is { } batch)
            {
                Write(batch);
            }

            lock (_lock)
            {
                if (_stopping && _queue.Count == 0)
                {
                    return;
                }
            }
        }
    }

    private void Write(List<Pending> batch)
    {
        try
        {
            // Blocking is the point of this thread. The shared write is not cancellable: one caller giving up must
            // not abandon the others' requests.
            var results = store.AcceptAsync(batch.ConvertAll(p => p.Request), CancellationToken.None).GetAwaiter().GetResult();
            instrumentation.GroupCommitSize.Record(batch.Count);
            var accepted = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                accepted += results[i].Existing is null ? batch[i].Request.Messages.Count : 0;
            }

            if (accepted > 0)
            {
                // Here rather than in each caller: once per commit, and also for a caller that stopped waiting.
                instrumentation.MessagesAccepted.Add(accepted);
                dispatchSignal.Notify();
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
#pragma warning disable CA1031 // Every failure goes to the callers of the batch; the writer thread must live on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (batch.Count == 1)
            {
                batch[0].Completion.TrySetException(exception);
                return;
            }

            // One request the database refuses must not fail the others: write each alone, so only it fails (and a
            // database that is down fails each quickly).
            foreach (var pending in batch)
            {
                Write([pending]);
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

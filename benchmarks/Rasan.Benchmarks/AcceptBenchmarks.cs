using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Accept;
using Rasan.Storage;

namespace Rasan.Benchmarks;

/// <summary>
/// Durable accept on a temp SQLite file: <see cref="Concurrency"/> single-message requests arrive at once (each on its
/// own thread-pool work item, as Kestrel would run them) and the operation ends when every one is committed.
/// The baseline gives each request its own transaction; the engine group-commits.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class AcceptBenchmarks
{
    private static readonly SendRequest Request = new() { To = ["09121234567"], Text = "Your code is 12345" };

    private BenchStore _bench = null!;
    private IMessageStore _store = null!;
    private IMessageSender _sender = null!;
    private GroupCommitWriter _writer = null!;

    /// <summary>How many requests are in flight together (wrk's connection count in the load script).</summary>
    [Params(64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bench = BenchStore.CreateSqliteAsync().GetAwaiter().GetResult();
        _store = _bench.Store;
        _sender = _bench.Services.GetRequiredService<IMessageSender>();
        _writer = _bench.Services.GetRequiredService<GroupCommitWriter>();
    }

    [GlobalCleanup]
    public void Cleanup() => _bench.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Each request in its own <see cref="IMessageStore.AcceptAsync"/> transaction (no validation).</summary>
    [Benchmark(Baseline = true)]
    public Task Accept_OneTransactionPerRequest()
        => RunConcurrently(() => _store.AcceptAsync([_bench.NewSingleMessageRequest(DateTimeOffset.UtcNow)], CancellationToken.None));

    /// <summary>Through the engine's <see cref="IMessageSender.SendAsync"/>: validation, phone normalisation, group commit.</summary>
    [Benchmark]
    public Task Accept_GroupCommit()
        => RunConcurrently(() => _sender.SendAsync(_bench.Service, Request));

    /// <summary>Straight into the engine's <see cref="GroupCommitWriter"/> (no validation): the group commit alone.</summary>
    [Benchmark]
    public Task Accept_GroupCommitWriterOnly()
        => RunConcurrently(() => _writer.SubmitAsync(_bench.NewSingleMessageRequest(DateTimeOffset.UtcNow), CancellationToken.None));

    private Task RunConcurrently<T>(Func<Task<T>> accept)
    {
        var tasks = new Task[Concurrency];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(accept);
        }

        return Task.WhenAll(tasks);
    }
}

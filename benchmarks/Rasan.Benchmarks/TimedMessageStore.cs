using System.Diagnostics;
using Rasan.Storage;
using Rasan.Testing;

namespace Rasan.Benchmarks;

/// <summary>Wraps a store and adds up the wall time spent in claim and complete, for the dispatch breakdown.</summary>
internal sealed class TimedMessageStore(IMessageStore inner) : DelegatingMessageStore(inner)
{
    private long _claimTicks;
    private long _completeTicks;

    public TimeSpan ClaimTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _claimTicks));

    public TimeSpan CompleteTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _completeTicks));

    public void Reset()
    {
        Interlocked.Exchange(ref _claimTicks, 0);
        Interlocked.Exchange(ref _completeTicks, 0);
    }

    public override async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(ClaimOptions options, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await Inner.ClaimAsync(options, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _claimTicks, Stopwatch.GetTimestamp() - started);
        }
    }

    public override async Task<int> CompleteAsync(IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await Inner.CompleteAsync(transitions, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _completeTicks, Stopwatch.GetTimestamp() - started);
        }
    }
}

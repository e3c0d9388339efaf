using System.Threading.Channels;

namespace Rasan.AspNetCore.Logs;

/// <summary>
/// Hands log entries (API calls, audit entries) to their <see cref="BatchedLogWriter{T}"/> without making the request
/// wait for a write. When the writer falls this far behind (the store down for a long time), the oldest entries not
/// yet written are dropped.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
internal sealed class BatchedLog<T>
{
    /// <summary>The most entries waiting to be written.</summary>
    public const int Capacity = 50_000;

    private readonly Channel<T> _pending = System.Threading.Channels.Channel.CreateBounded<T>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<T> Reader => _pending.Reader;

    public void Record(T entry) => _pending.Writer.TryWrite(entry);
}

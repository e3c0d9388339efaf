using System.Threading.Channels;
using Rasan.Auditing;

namespace Rasan.AspNetCore.ApiCalls;

/// <summary>
/// Hands API calls to <see cref="ApiCallLogWriter"/> without making the request wait for a write. When the writer falls
/// this far behind (the store down for a long time), the oldest calls not yet written are dropped.
/// </summary>
internal sealed class ApiCallRecorder
{
    /// <summary>The most calls waiting to be written.</summary>
    public const int Capacity = 10_000;

    private readonly Channel<ApiCall> _pending = System.Threading.Channels.Channel.CreateBounded<ApiCall>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<ApiCall> Reader => _pending.Reader;

    public void Record(ApiCall call) => _pending.Writer.TryWrite(call);
}

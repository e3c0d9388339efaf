using System.Collections.Concurrent;
using Rasan.Storage;

namespace Rasan.Tokens;

/// <summary>
/// Remembers when each API token last authenticated a request and writes those times to the store in one batch per
/// flush, so authentication never waits on a write.
/// </summary>
internal sealed class TokenUseRecorder(ITenancyStore store)
{
    private ConcurrentDictionary<Guid, DateTimeOffset> _pending = new();

    /// <summary>Notes a use; the last one noted per token is written (the store keeps the latest time it has seen).</summary>
    public void Record(Guid tokenId, DateTimeOffset at) => _pending[tokenId] = at;

    /// <summary>Writes the uses noted since the last flush. A failed write puts them back for the next one.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<Guid, DateTimeOffset>());
        if (batch.IsEmpty)
        {
            return;
        }

        try
        {
            await store.RecordTokenUseAsync(batch, cancellationToken);
        }
        catch
        {
            foreach (var (id, at) in batch)
            {
                // A use noted since the swap is newer: keep it.
                _pending.TryAdd(id, at);
            }

            throw;
        }
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rasan.Storage.EFCore;

internal sealed partial class EfMessageStore
{
    /// <summary>How many times a batch is written again after another host took one of its idempotency keys.</summary>
    private const int KeyRaceAttempts = 10;

    private readonly SemaphoreSlim _acceptGate = new(1, 1);
    private AcceptSession? _acceptSession;
    private bool _disposed;

    /// <remarks>
    /// A batch is one transaction: it is stored whole or not at all, so a caller may safely write its requests again
    /// one by one to find the one the database refuses.
    /// </remarks>
    public async Task<IReadOnlyList<AcceptResult>> AcceptAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AcceptInOneTransactionAsync(requests, cancellationToken);
            }
            catch (DbException ex) when (dialect.IsIdempotencyKeyTaken(ex) && attempt < KeyRaceAttempts)
            {
                // Another host stored one of these keys between our look-up and our insert; the whole transaction
                // rolled back. That insert has committed by now, so the next look-up answers its request as a replay.
            }
        }
    }

    private async Task<AcceptResult[]> AcceptInOneTransactionAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_acceptGate.Wait(0))
        {
            // The group-commit writer is the usual (and only steady) caller and has the kept session; a concurrent
            // direct caller does not wait for it but opens a session of its own.
            await using var own = await AcceptSession.OpenAsync(contextFactory, dialect, cancellationToken);
            using (await writeGate.EnterAsync(cancellationToken))
            {
                return await AcceptAsync(own, requests, cancellationToken);
            }
        }

        try
        {
            if (_acceptSession is { IdleTooLong: true } idle)
            {
                // A connection idle for long may have been dropped by the server or the network; start afresh.
                _acceptSession = null;
                await idle.DisposeAsync();
            }

            _acceptSession ??= await AcceptSession.OpenAsync(contextFactory, dialect, cancellationToken);
            using (await writeGate.EnterAsync(cancellationToken))
            {
                return await AcceptAsync(_acceptSession, requests, cancellationToken);
            }
        }
        catch when (_acceptSession is { Connection.State: not System.Data.ConnectionState.Open })
        {
            // The connection broke: the next accept starts on a fresh one. (A batch the database refused has rolled
            // back, and its open connection is kept.)
            var broken = _acceptSession;
            _acceptSession = null;
            await broken.DisposeAsync();
            throw;
        }
        finally
        {
            _acceptGate.Release();
        }
    }

    private static async Task<AcceptResult[]> AcceptAsync(AcceptSession session, IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        session.MarkUsed();
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        var existing = await FindExistingAsync(session.Context, transaction, requests, cancellationToken);
        var results = new AcceptResult[requests.Count];
        var toInsert = new List<NewRequest>(requests.Count);
        Dictionary<(Guid Service, string Key), NewRequest>? keyedInBatch = null;
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (request.IdempotencyKey is not { } key)
            {
                results[i] = AcceptResult.Stored;
                toInsert.Add(request);
            }
            else if (existing.TryGetValue((request.ServiceId.Value, key), out var stored))
            {
                results[i] = new AcceptResult(stored);
            }
            else if (keyedInBatch?.GetValueOrDefault((request.ServiceId.Value, key)) is { } first)
            {
                // The same key twice in one batch: the second is a replay of the first.
                results[i] = new AcceptResult(new StoredRequest(
                    first.Id, first.Fingerprint, [.. first.Messages.Select(m => new MessageReceipt(m.Id, m.To, m.Status))]));
            }
            else
            {
                results[i] = AcceptResult.Stored;
                toInsert.Add(request);
                (keyedInBatch ??= [])[(request.ServiceId.Value, key)] = request;
            }
        }

        if (toInsert.Count > 0)
        {
            await session.Inserter.InsertAsync(transaction, toInsert, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>Closes the connection kept for accepting.</summary>
    public void Dispose()
    {
        _acceptGate.Wait();
        try
        {
            _disposed = true;
            _acceptSession?.Dispose();
            _acceptSession = null;
        }
        finally
        {
            _acceptGate.Release();
        }
    }

    /// <summary>Closes the connection kept for accepting.</summary>
    public async ValueTask DisposeAsync()
    {
        await _acceptGate.WaitAsync();
        try
        {
            _disposed = true;
            if (_acceptSession is { } session)
            {
                _acceptSession = null;
                await session.DisposeAsync();
            }
        }
        finally
        {
            _acceptGate.Release();
        }
    }

    public async Task<StoredRequest?> FindRequestAsync(ServiceId service, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await FindExistingAsync(db, [(service.Value, idempotencyKey)], cancellationToken);
        return found.GetValueOrDefault((service.Value, idempotencyKey));
    }

    /// <summary>Looks up the batch's idempotency keys inside its transaction (nothing to do for a batch without keys).</summary>
    private static async Task<Dictionary<(Guid Service, string Key), StoredRequest>> FindExistingAsync(
        RasanDbContext db, DbTransaction transaction, IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        var keys = requests.Where(r => r.IdempotencyKey is not null).Select(r => (r.ServiceId.Value, r.IdempotencyKey!)).ToArray();
        if (keys.Length == 0)
        {
            return [];
        }

        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        try
        {
            return await FindExistingAsync(db, keys, cancellationToken);
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, cancellationToken);
        }
    }

    private static async Task<Dictionary<(Guid Service, string Key), StoredRequest>> FindExistingAsync(
        RasanDbContext db, IReadOnlyCollection<(Guid Service, string Key)> serviceKeys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(Guid Service, string Key), StoredRequest>();
        var wanted = serviceKeys.ToHashSet();
        if (wanted.Count == 0)
        {
            return found;
        }

        // One look-up per service in the batch (usually one), so it uses the unique (service_id, idempotency_key) index.
        var rows = new List<(Guid Id, Guid ServiceId, string Key, byte[]? Fingerprint)>();
        foreach (var group in wanted.GroupBy(w => w.Service))
        {
            var service = group.Key;
            var keys = group.Select(w => w.Key).ToArray();
            var matches = await db.Requests.AsNoTracking()
                .Where(r => r.ServiceId == service && EF.MultipleParameters(keys).Contains(r.IdempotencyKey!))
                .Select(r => new { r.Id, r.ServiceId, r.IdempotencyKey, r.Fingerprint })
                .ToListAsync(cancellationToken);
            rows.AddRange(matches.Select(r => (r.Id, r.ServiceId, r.IdempotencyKey!, r.Fingerprint)));
        }

        if (rows.Count == 0)
        {
            return found;
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var messages = (await db.Messages.AsNoTracking()
                .Where(m => ids.Contains(m.RequestId))
                .Select(m => new { m.RequestId, m.Seq, m.Id, m.Recipient, m.InitialStatus })
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.Seq)
            .ToLookup(m => m.RequestId);
        foreach (var row in rows)
        {
            found[(row.ServiceId, row.Key)] = new StoredRequest(
                new RequestId(row.Id),
                row.Fingerprint,
                [.. messages[row.Id].Select(m => new MessageReceipt(new MessageId(m.Id), m.Recipient, (MessageStatus)m.InitialStatus))]);
        }

        return found;
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rasan.Storage.EFCore;

internal sealed partial class EfMessageStore
{
    private const int MaxSingleAttempts = 3;

    private readonly SemaphoreSlim _acceptGate = new(1, 1);
    private AcceptSession? _acceptSession;

    public async Task<IReadOnlyList<AcceptResult>> AcceptAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }

        try
        {
            return await AcceptInOneTransactionAsync(requests, cancellationToken);
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // Another host stored one of these keys between our check and our insert. The group transaction rolled
            // back; store each request on its own so the others do not fail with it.
            var results = new AcceptResult[requests.Count];
            for (var i = 0; i < requests.Count; i++)
            {
                results[i] = await AcceptAloneAsync(requests[i], cancellationToken);
            }

            return results;
        }
    }

    private async Task<AcceptResult> AcceptAloneAsync(NewRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await AcceptInOneTransactionAsync([request], cancellationToken))[0];
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex) && attempt < MaxSingleAttempts)
            {
                // The competing insert has committed by now: the next look-up finds it.
            }
        }
    }

    private async Task<AcceptResult[]> AcceptInOneTransactionAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        // The group-commit writer is the usual (and only steady) caller: it gets the kept session. A concurrent direct
        // caller does not wait for it but opens a session of its own for this transaction.
        var kept = _acceptGate.Wait(0);
        AcceptSession? session = null;
        try
        {
            session = kept && _acceptSession is { } open
                ? open
                : await AcceptSession.OpenAsync(contextFactory, dialect, cancellationToken);
            var results = await AcceptAsync(session, requests, cancellationToken);
            if (kept)
            {
                _acceptSession = session;
                session = null;
            }

            return results;
        }
        catch when (kept)
        {
            // The connection may be broken or mid-transaction: the next accept starts on a fresh one.
            _acceptSession = null;
            throw;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }

            if (kept)
            {
                _acceptGate.Release();
            }
        }
    }

    private static async Task<AcceptResult[]> AcceptAsync(AcceptSession session, IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
    {
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        var existing = await FindExistingAsync(session.Context, transaction, requests, cancellationToken);
        var results = new AcceptResult[requests.Count];
        var toInsert = new List<NewRequest>(requests.Count);
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
            else
            {
                results[i] = AcceptResult.Stored;
                toInsert.Add(request);
                existing[(request.ServiceId.Value, key)] = new StoredRequest(
                    request.Id,
                    request.Fingerprint?.ToArray(),
                    [.. request.Messages.Select(m => new MessageReceipt(m.Id, m.To, m.Status))]);
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

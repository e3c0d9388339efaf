using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rasan.Storage.EFCore;

internal sealed partial class EfMessageStore
{
    private const int MaxSingleAttempts = 3;

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
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await FindExistingAsync(db, requests, cancellationToken);
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
            await dialect.InsertAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), toInsert, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    public async Task<StoredRequest?> FindRequestAsync(ServiceId service, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await FindExistingAsync(db, [(service.Value, idempotencyKey)], cancellationToken);
        return found.GetValueOrDefault((service.Value, idempotencyKey));
    }

    private static Task<Dictionary<(Guid Service, string Key), StoredRequest>> FindExistingAsync(
        RasanDbContext db, IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken)
        => FindExistingAsync(
            db,
            [.. requests.Where(r => r.IdempotencyKey is not null).Select(r => (r.ServiceId.Value, r.IdempotencyKey!))],
            cancellationToken);

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

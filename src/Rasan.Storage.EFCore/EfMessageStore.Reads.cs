using Microsoft.EntityFrameworkCore;

namespace Rasan.Storage.EFCore;

internal sealed partial class EfMessageStore
{
    public async Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == id.Value && m.ServiceId == service.Value, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var events = await db.MessageEvents.AsNoTracking()
            .Where(e => e.MessageId == id.Value)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return MessageMapping.ToInfo(message, [MessageMapping.AcceptedEvent(message), .. events.Select(MessageMapping.ToEvent)]);
    }

    public async Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == id.Value && r.ServiceId == service.Value, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.RequestId == id.Value)
            .OrderBy(m => m.Seq)
            .ToListAsync(cancellationToken);
        return new RequestInfo(
            id,
            StoreTime.FromTicks(request.CreatedAt),
            request.IdempotencyKey,
            [.. messages.Select(m => MessageMapping.ToInfo(m, []))]);
    }

    public async Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MessageQuery.MaxLimit);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var messages = db.Messages.AsNoTracking().Where(m => m.ServiceId == service.Value);
        if (query.To is { } to)
        {
            messages = messages.Where(m => m.Recipient == to);
        }

        if (query.Status is { } status)
        {
            var value = (int)status;
            messages = messages.Where(m => m.Status == value);
        }

        if (query.Tag is { } tag)
        {
            var pattern = TagList.Pattern(tag);
            messages = messages.Where(m => m.Tags != null && m.Tags.Contains(pattern));
        }

        if (query.Text is { } text)
        {
            messages = messages.Where(m => m.Body.Contains(text));
        }

        if (query.From is { } from)
        {
            var ticks = StoreTime.ToTicks(from);
            messages = messages.Where(m => m.CreatedAt >= ticks);
        }

        if (query.Until is { } until)
        {
            var ticks = StoreTime.ToTicks(until);
            messages = messages.Where(m => m.CreatedAt < ticks);
        }

        if (query.After is { } after)
        {
            var value = after.Value;
            messages = messages.Where(m => m.Id.CompareTo(value) < 0);
        }

        var rows = await messages.OrderByDescending(m => m.Id).Take(limit).ToListAsync(cancellationToken);
        var items = rows.Select(m => MessageMapping.ToInfo(m, [])).ToArray();
        return new MessagePage(items, items.Length == limit ? items[^1].Id : null);
    }

    public async Task<IReadOnlyList<MessageReceipt>> GetStatusesAsync(
        ServiceId service, IReadOnlyList<MessageId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var keys = ids.Select(i => i.Value).Distinct().ToArray();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Messages.AsNoTracking()
            .Where(m => keys.Contains(m.Id) && m.ServiceId == service.Value)
            .Select(m => new { m.Id, m.Recipient, m.Status })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        return [.. ids
            .Where(i => found.ContainsKey(i.Value))
            .Select(i => found[i.Value])
            .Select(m => new MessageReceipt(new MessageId(m.Id), m.Recipient, (MessageStatus)m.Status))];
    }
}

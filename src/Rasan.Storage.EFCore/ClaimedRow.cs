using System.Data.Common;

namespace Rasan.Storage.EFCore;

/// <summary>A claimed message as a dialect reads it back, with the due time it is ordered by.</summary>
internal readonly record struct ClaimedRow(ClaimedMessage Message, long DueAt)
{
    /// <summary>
    /// Reads every row a claim statement returned, in the column order both dialects' <c>RETURNING</c> clauses use:
    /// id, service_id, account_id, recipient, body, priority, expires_at, attempts, lease_version, due_at,
    /// provider_options, outcome_awaited_until.
    /// </summary>
    public static async Task<List<ClaimedRow>> ReadAllAsync(DbDataReader reader, int capacity, CancellationToken cancellationToken)
    {
        var rows = new List<ClaimedRow>(capacity);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ClaimedRow(
                new ClaimedMessage
                {
                    Id = new MessageId(reader.GetGuid(0)),
                    ServiceId = new ServiceId(reader.GetGuid(1)),
                    AccountId = new AccountId(reader.GetGuid(2)),
                    To = reader.GetString(3),
                    Text = reader.GetString(4),
                    Priority = (MessagePriority)reader.GetInt32(5),
                    ExpiresAt = reader.IsDBNull(6) ? null : StoreTime.FromTicks(reader.GetInt64(6)),
                    Attempts = reader.GetInt32(7),
                    LeaseVersion = reader.GetInt64(8),
                    ProviderOptions = StringMap.Decode(reader.IsDBNull(10) ? null : reader.GetString(10)),
                    OutcomeAwaitedUntil = reader.IsDBNull(11) ? null : StoreTime.FromTicks(reader.GetInt64(11)),
                },
                reader.GetInt64(9)));
        }

        return rows;
    }

    /// <summary>Puts rows returned in arbitrary order into claim order: priority descending, then due time, then id.</summary>
    public static IReadOnlyList<ClaimedMessage> InClaimOrder(List<ClaimedRow> rows)
    {
        rows.Sort(static (a, b) =>
        {
            var byPriority = b.Message.Priority.CompareTo(a.Message.Priority);
            if (byPriority != 0)
            {
                return byPriority;
            }

            var byDue = a.DueAt.CompareTo(b.DueAt);
            return byDue != 0 ? byDue : a.Message.Id.CompareTo(b.Message.Id);
        });
        return [.. rows.Select(r => r.Message)];
    }
}

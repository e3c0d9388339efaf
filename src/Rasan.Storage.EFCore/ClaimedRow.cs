namespace Rasan.Storage.EFCore;

/// <summary>A claimed message as a dialect reads it back, with the due time it is ordered by.</summary>
internal readonly record struct ClaimedRow(ClaimedMessage Message, long DueAt)
{
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

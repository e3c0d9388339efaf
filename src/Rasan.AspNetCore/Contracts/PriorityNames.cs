namespace Rasan.AspNetCore.Contracts;

/// <summary>The wire names of <see cref="MessagePriority"/>: "high", "normal", "low".</summary>
internal static class PriorityNames
{
    public static string ToWireName(this MessagePriority priority) => priority switch
    {
        MessagePriority.High => "high",
        MessagePriority.Low => "low",
        _ => "normal",
    };

    public static bool TryParse(string value, out MessagePriority priority)
    {
        foreach (var candidate in (ReadOnlySpan<MessagePriority>)[MessagePriority.High, MessagePriority.Normal, MessagePriority.Low])
        {
            if (string.Equals(value, candidate.ToWireName(), StringComparison.OrdinalIgnoreCase))
            {
                priority = candidate;
                return true;
            }
        }

        priority = default;
        return false;
    }

    /// <summary>Parses a name the request reader already checked; <see langword="null"/> stays unset.</summary>
    public static MessagePriority? Parse(string? value)
        => value is not null && TryParse(value, out var priority) ? priority : null;
}

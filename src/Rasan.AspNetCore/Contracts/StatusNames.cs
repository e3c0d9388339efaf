namespace Rasan.AspNetCore.Contracts;

/// <summary>Reads the wire names of <see cref="MessageStatus"/> (<see cref="MessageStatusExtensions.ToWireName"/>).</summary>
internal static class StatusNames
{
    public static bool TryParse(string value, out MessageStatus status)
    {
        foreach (var candidate in Enum.GetValues<MessageStatus>())
        {
            if (string.Equals(value, candidate.ToWireName(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static string All => string.Join(", ", Enum.GetValues<MessageStatus>().Select(s => s.ToWireName()));
}

using System.Globalization;

namespace Rasan.Providers.Ghasedak;

/// <summary>Reads the gateway's ISO 8601 dates, which carry the Tehran offset; a date without one is taken as Tehran time.</summary>
internal static class GhasedakDates
{
    /// <summary>Iran's offset from UTC (no daylight saving since 2022).</summary>
    public static readonly TimeSpan TehranOffset = new(3, 30, 0);

    /// <summary>Parses a date such as <c>2024-07-16T10:48:21+03:30</c> or <c>2024-07-16T10:48:21</c>.</summary>
    /// <param name="value">The text, or <see langword="null"/>.</param>
    /// <returns>The instant, or <see langword="null"/> when absent or unreadable.</returns>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        return parsed.Kind switch
        {
            DateTimeKind.Unspecified => new DateTimeOffset(parsed, TehranOffset),
            DateTimeKind.Utc => new DateTimeOffset(parsed),
            _ => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None),
        };
    }
}

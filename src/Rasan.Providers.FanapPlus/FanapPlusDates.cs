using System.Globalization;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Writes instants the way the contract wants them (UTC, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>) and reads the ISO 8601 times
/// senders give in options.
/// </summary>
internal static class FanapPlusDates
{
    /// <summary>The format.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // ISO 8601 with seconds (and an optional fraction) or without, and an offset that is either Z or ±hh:mm.
    private static readonly string[] ReadFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mmzzz",
    ];

    /// <summary>Writes an instant.</summary>
    /// <param name="instant">The instant, in any offset.</param>
    /// <returns>Such as <c>2024-05-01T08:30:00.125Z</c>.</returns>
    public static string Write(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO 8601 time that states its offset, such as <c>2025-03-01T18:00:00+03:30</c> or <c>2025-03-01T14:30:00Z</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="instant">The instant read.</param>
    /// <returns><see langword="false"/> when the text is not such a time (a time without an offset included).</returns>
    public static bool TryRead(string? text, out DateTimeOffset instant)
        => DateTimeOffset.TryParseExact(text?.Trim(), ReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
}

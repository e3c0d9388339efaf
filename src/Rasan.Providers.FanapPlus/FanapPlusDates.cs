using System.Globalization;

namespace Rasan.Providers.FanapPlus;

/// <summary>Writes instants the way the contract wants them: UTC, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
internal static class FanapPlusDates
{
    /// <summary>The format.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Writes an instant.</summary>
    /// <param name="instant">The instant, in any offset.</param>
    /// <returns>Such as <c>2024-05-01T08:30:00.125Z</c>.</returns>
    public static string Write(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// The daily hours in which operators forbid <c>PremiumContent</c> (providers/fanapplus.md §2: 23:00 to 08:00), on the
/// operators' clock. A window whose start is later than its end runs over midnight; equal start and end mean no
/// quiet hours.
/// </summary>
internal sealed class FanapPlusQuietHours
{
    private readonly TimeZoneInfo _zone;
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;

    /// <summary>Creates the window.</summary>
    /// <param name="zone">The operators' time zone.</param>
    /// <param name="start">The local time the quiet hours begin (included).</param>
    /// <param name="end">The local time they end (excluded).</param>
    public FanapPlusQuietHours(TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zone = zone;
        _start = start;
        _end = end;
    }

    /// <summary>The window the settings describe.</summary>
    /// <param name="options">The settings, already validated (the time zone exists).</param>
    /// <returns>The window.</returns>
    /// <exception cref="TimeZoneNotFoundException">The time zone is unknown (settings that were not validated).</exception>
    public static FanapPlusQuietHours From(FanapPlusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FanapPlusQuietHours(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), options.PremiumQuietHoursStart, options.PremiumQuietHoursEnd);
    }

    /// <summary>When the quiet hours <paramref name="now"/> falls in end.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>The instant they end; <see langword="null"/> when <paramref name="now"/> is outside them.</returns>
    public DateTimeOffset? EndAfter(DateTimeOffset now)
    {
        if (_start == _end)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, _zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        var crossesMidnight = _start > _end;
        var inside = crossesMidnight ? time >= _start || time < _end : time >= _start && time < _end;
        if (!inside)
        {
            return null;
        }

        // Over midnight and already past the start: the quiet hours end tomorrow.
        var endDay = crossesMidnight && time >= _start ? local.Date.AddDays(1) : local.Date;
        return AtLocal(endDay.Add(_end.ToTimeSpan()));
    }

    /// <summary>
    /// The instant of a local time. A time a clock change skips or repeats takes the smaller offset, the later instant:
    /// a message is held a little longer, never released early.
    /// </summary>
    private DateTimeOffset AtLocal(DateTime local)
    {
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Min()
            : _zone.IsInvalidTime(local) ? Min(_zone.GetUtcOffset(local.AddDays(-1)), _zone.GetUtcOffset(local.AddDays(1)))
            : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Rasan.AspNetCore.Endpoints;

/// <summary>Reads search query strings: known parameters only, each once; times, page sizes and cursors.</summary>
internal static class QueryFields
{
    /// <summary>Adds an error for each unknown, repeated or NUL-carrying parameter.</summary>
    public static void CheckKnown(IQueryCollection query, IReadOnlyList<string> known, ValidationErrors errors)
    {
        foreach (var (key, values) in query)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                errors.Add(key, $"Unknown query parameter; the known ones are {string.Join(", ", known)}.");
            }
            else if (values.Count > 1)
            {
                errors.Add(key, "Give this parameter once.");
            }
            else if (values[0] is { } value && value.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(key, "Must not contain the NUL character.");
            }
        }
    }

    /// <summary>A parameter's value; <see langword="null"/> when absent or empty.</summary>
    public static string? Value(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    public static DateTimeOffset? Time(IQueryCollection query, string name, ValidationErrors errors)
    {
        if (Value(query, name) is not { } text)
        {
            return null;
        }

        // An unencoded '+' of an offset arrives as a space.
        var normalised = text.Replace(' ', '+');
        if (DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors.Add(name, "Must be an ISO 8601 date or time, such as 2030-01-31 or 2030-01-31T08:30:00Z.");
        return null;
    }

    /// <summary>The page size from <c>limit</c>; larger than <paramref name="max"/> is clamped to it.</summary>
    public static int? Limit(IQueryCollection query, int max, ValidationErrors errors)
    {
        if (Value(query, "limit") is not { } limit)
        {
            return null;
        }

        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1)
        {
            return Math.Min(parsed, max);
        }

        if (limit.Length > 0 && limit.All(char.IsAsciiDigit) && limit.TrimStart('0').Length > 0)
        {
            return max;
        }

        errors.Add("limit", $"Must be a whole number from 1 to {max}; larger ones are clamped to {max}.");
        return null;
    }

    /// <summary>The keyset position from <c>cursor</c>.</summary>
    public static Guid? Cursor(IQueryCollection query, ValidationErrors errors)
    {
        if (Value(query, "cursor") is not { } cursor)
        {
            return null;
        }

        if (KeysetCursor.TryDecode(cursor, out var after))
        {
            return after;
        }

        errors.Add("cursor", "Is not a cursor this API returned in 'next'.");
        return null;
    }
}

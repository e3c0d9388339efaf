using System.Globalization;
using Microsoft.AspNetCore.Http;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.Endpoints;

/// <summary>
/// Reads the search query string (<c>to, status, tag, text, from, until, limit, cursor</c>) into a
/// <see cref="MessageQuery"/>. Unknown or repeated parameters and unreadable values are errors keyed by parameter.
/// </summary>
internal static class MessageQueryParser
{
    private static readonly string[] Known = ["to", "status", "tag", "text", "from", "until", "limit", "cursor"];

    public static MessageQuery? Parse(IQueryCollection query, ValidationErrors errors)
    {
        foreach (var (key, values) in query)
        {
            if (!Known.Contains(key, StringComparer.Ordinal))
            {
                errors.Add(key, $"Unknown query parameter; the known ones are {string.Join(", ", Known)}.");
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

        var result = new MessageQuery
        {
            To = Value(query, "to"),
            Tag = Value(query, "tag"),
            Text = Value(query, "text"),
        };

        if (Value(query, "status") is { } status)
        {
            if (StatusNames.TryParse(status, out var parsed))
            {
                result = result with { Status = parsed };
            }
            else
            {
                errors.Add("status", $"Must be one of {StatusNames.All}.");
            }
        }

        result = result with { From = ParseTime(query, "from", errors), Until = ParseTime(query, "until", errors) };

        if (Value(query, "limit") is { } limit)
        {
            if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1)
            {
                result = result with { Limit = Math.Min(parsed, MessageQuery.MaxLimit) };
            }
            else if (limit.Length > 0 && limit.All(char.IsAsciiDigit) && limit.TrimStart('0').Length > 0)
            {
                result = result with { Limit = MessageQuery.MaxLimit };
            }
            else
            {
                errors.Add("limit", $"Must be a whole number from 1 to {MessageQuery.MaxLimit}; larger ones are clamped to {MessageQuery.MaxLimit}.");
            }
        }

        if (Value(query, "cursor") is { } cursor)
        {
            if (MessageCursor.TryDecode(cursor, out var after))
            {
                result = result with { After = after };
            }
            else
            {
                errors.Add("cursor", "Is not a cursor this API returned in 'next'.");
            }
        }

        return errors.Count == 0 ? result : null;
    }

    private static string? Value(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    private static DateTimeOffset? ParseTime(IQueryCollection query, string name, ValidationErrors errors)
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
}

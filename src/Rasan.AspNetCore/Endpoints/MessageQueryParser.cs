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
        QueryFields.CheckKnown(query, Known, errors);
        var result = new MessageQuery
        {
            To = QueryFields.Value(query, "to"),
            Tag = QueryFields.Value(query, "tag"),
            Text = QueryFields.Value(query, "text"),
            From = QueryFields.Time(query, "from", errors),
            Until = QueryFields.Time(query, "until", errors),
        };

        if (QueryFields.Value(query, "status") is { } status)
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

        if (QueryFields.Limit(query, MessageQuery.MaxLimit, errors) is { } limit)
        {
            result = result with { Limit = limit };
        }

        if (QueryFields.Cursor(query, errors) is { } after)
        {
            result = result with { After = new MessageId(after) };
        }

        return errors.Count == 0 ? result : null;
    }
}

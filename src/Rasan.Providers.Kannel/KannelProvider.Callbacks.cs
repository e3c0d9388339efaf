using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Rasan.Providers.Kannel;

/// <summary>Reading Kannel's delivery reports: the query parameters Rasan put into each message's <c>dlr-url</c>.</summary>
internal sealed partial class KannelProvider
{
    /// <summary>The Rasan message id, put there by the hub's callback address.</summary>
    internal const string MessageIdParameter = "mid";

    /// <summary>The report type (<c>%d</c>).</summary>
    internal const string TypeParameter = "type";

    /// <summary>The SMSC's message id (<c>%F</c>), on final reports.</summary>
    internal const string ForeignIdParameter = "fid";

    /// <summary>The report time in Unix seconds (<c>%T</c>).</summary>
    internal const string TimestampParameter = "ts";

    /// <summary>The SMSC's report text (<c>%A</c>).</summary>
    internal const string ReplyParameter = "reply";

    // The latest time DateTimeOffset can hold, in Unix seconds.
    private const long MaxUnixSeconds = 253_402_300_799;

    public IReadOnlyList<DeliveryReport> Parse(CallbackPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var query = payload.Query;
        if (!query.TryGetValue(MessageIdParameter, out var mid)
            || !MessageId.TryParse(mid, CultureInfo.InvariantCulture, out var messageId)
            || messageId.Value == Guid.Empty)
        {
            _logger.ReportIgnored("no valid message id");
            return [];
        }

        if (!query.TryGetValue(TypeParameter, out var typeText)
            || !int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var type))
        {
            _logger.ReportIgnored("no valid report type");
            return [];
        }

        var reply = query.GetValueOrDefault(ReplyParameter);
        if (KannelStatusMap.FromDlrType(type, reply) is not { } state)
        {
            _logger.ReportIgnored("unknown report type");
            return [];
        }

        var stat = KannelStatusMap.SmppStat(reply);
        var foreignId = query.GetValueOrDefault(ForeignIdParameter);
        return
        [
            new DeliveryReport
            {
                MessageId = messageId,
                ProviderMessageId = string.IsNullOrWhiteSpace(foreignId) ? null : foreignId.Trim(),
                State = state,
                ProviderStatus = stat is null
                    ? string.Create(CultureInfo.InvariantCulture, $"dlr {type}")
                    : string.Create(CultureInfo.InvariantCulture, $"dlr {type} {stat}"),
                At = ReportTime(query.GetValueOrDefault(TimestampParameter)),
            },
        ];
    }

    private DateTimeOffset ReportTime(string? timestamp)
        => long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : _time.GetUtcNow();
}

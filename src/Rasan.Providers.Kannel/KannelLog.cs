using Microsoft.Extensions.Logging;
using Rasan.Telemetry;

namespace Rasan.Providers.Kannel;

/// <summary>Kannel provider log messages (event ids 15001–15099). Recipients appear only masked; URLs and credentials never.</summary>
internal static partial class KannelLog
{
    [LoggerMessage(EventId = 15001, Level = LogLevel.Debug, Message = "Kannel accepted message {MessageId}: {Answer}")]
    public static partial void Accepted(this ILogger logger, MessageId messageId, string? answer);

    [LoggerMessage(EventId = 15002, Level = LogLevel.Information, Message = "Kannel queued message {MessageId} for later delivery: no SMSC is online")]
    public static partial void Queued(this ILogger logger, MessageId messageId);

    [LoggerMessage(EventId = 15003, Level = LogLevel.Warning, Message = "Kannel refused message {MessageId} for {Recipient}: {Code} {Text}")]
    public static partial void Refused(this ILogger logger, MessageId messageId, MaskedPhone recipient, string? code, string? text);

    [LoggerMessage(EventId = 15004, Level = LogLevel.Warning, Message = "Kannel call for message {MessageId} failed and may be retried: {Code} {Text}")]
    public static partial void CallFailed(this ILogger logger, MessageId messageId, string? code, string? text);

    [LoggerMessage(EventId = 15005, Level = LogLevel.Warning, Message = "Kannel account {Account} has invalid settings ({Fields}); its {Count} messages fail")]
    public static partial void AccountInvalid(this ILogger logger, string account, string fields, int count);

    [LoggerMessage(EventId = 15006, Level = LogLevel.Debug, Message = "Ignored a Kannel delivery report: {Reason}")]
    public static partial void ReportIgnored(this ILogger logger, string reason);
}

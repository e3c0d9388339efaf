using Microsoft.Extensions.Logging;
using Rasan.Telemetry;

namespace Rasan.Providers.Ghasedak;

/// <summary>
/// Ghasedak provider log messages (event ids 14001–14099). Calls are logged by gateway method and path, never with
/// headers (the API key is one); recipients only masked; exceptions only by type.
/// </summary>
internal static partial class GhasedakLog
{
    [LoggerMessage(EventId = 14010, Level = LogLevel.Warning, Message = "Ghasedak {ApiMethod} for account {Account} with {Count} messages failed: {Code} {Text}")]
    public static partial void SendFailed(this ILogger logger, string apiMethod, string account, int count, string? code, string? text);

    [LoggerMessage(EventId = 14011, Level = LogLevel.Warning, Message = "Ghasedak's {ApiMethod} answer for account {Account} had no result for message {MessageId} to {Recipient}")]
    public static partial void ResultMissing(this ILogger logger, string apiMethod, string account, MessageId messageId, MaskedPhone recipient);

    [LoggerMessage(EventId = 14012, Level = LogLevel.Debug, Message = "Ghasedak took message {MessageId} to {Recipient} as {ProviderMessageId} (cost {Cost})")]
    public static partial void MessageAccepted(this ILogger logger, MessageId messageId, MaskedPhone recipient, string providerMessageId, decimal? cost);

    [LoggerMessage(EventId = 14013, Level = LogLevel.Warning, Message = "Message {MessageId} to {Recipient} was not sent to Ghasedak: {Code}")]
    public static partial void MessageRefused(this ILogger logger, MessageId messageId, MaskedPhone recipient, string code);

    [LoggerMessage(EventId = 14020, Level = LogLevel.Warning, Message = "Ghasedak {ApiMethod} for account {Account} failed: {Code} {Text}")]
    public static partial void QueryFailed(this ILogger logger, string apiMethod, string account, string? code, string? text);

    [LoggerMessage(EventId = 14021, Level = LogLevel.Debug, Message = "Ghasedak reported status {Status} for {ProviderMessageId}, which maps to no delivery state")]
    public static partial void StatusUnmapped(this ILogger logger, int status, string providerMessageId);
}

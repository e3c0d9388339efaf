using Microsoft.Extensions.Logging;
using Rasan.Telemetry;

namespace Rasan.Providers.Kavenegar;

/// <summary>
/// Kavenegar provider log messages (event ids 13001–13099). Addresses appear only with the API key masked, recipients
/// only masked, exceptions only by type.
/// </summary>
internal static partial class KavenegarLog
{
    [LoggerMessage(EventId = 13010, Level = LogLevel.Warning, Message = "Kavenegar {ApiMethod} for account {Account} with {Count} messages failed: {Code} {Text}")]
    public static partial void SendFailed(this ILogger logger, string apiMethod, string account, int count, string? code, string? text);

    [LoggerMessage(EventId = 13011, Level = LogLevel.Warning, Message = "Kavenegar's answer for account {Account} had no usable entry for message {MessageId} to {Recipient}")]
    public static partial void EntryMissing(this ILogger logger, string account, MessageId messageId, MaskedPhone recipient);

    [LoggerMessage(EventId = 13012, Level = LogLevel.Debug, Message = "Kavenegar took message {MessageId} to {Recipient} as {ProviderMessageId} (status {Status})")]
    public static partial void MessageAccepted(this ILogger logger, MessageId messageId, MaskedPhone recipient, long providerMessageId, int status);

    [LoggerMessage(EventId = 13020, Level = LogLevel.Warning, Message = "Kavenegar {ApiMethod} for account {Account} failed: {Code} {Text}")]
    public static partial void QueryFailed(this ILogger logger, string apiMethod, string account, string? code, string? text);
}

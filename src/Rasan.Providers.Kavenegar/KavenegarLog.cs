using Microsoft.Extensions.Logging;
using Rasan.Telemetry;

namespace Rasan.Providers.Kavenegar;

/// <summary>
/// Kavenegar provider log messages (event ids 13001–13099). Addresses appear only with the API key masked, recipients
/// only masked, exceptions only by type.
/// </summary>
internal static partial class KavenegarLog
{
    [LoggerMessage(EventId = 13001, Level = LogLevel.Debug, Message = "Kavenegar call {Method} {Address} starting")]
    public static partial void CallStarting(this ILogger logger, string method, string address);

    [LoggerMessage(EventId = 13002, Level = LogLevel.Debug, Message = "Kavenegar call {Method} {Address} answered HTTP {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void CallFinished(this ILogger logger, string method, string address, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 13003, Level = LogLevel.Warning, Message = "Kavenegar call {Method} {Address} failed after {ElapsedMilliseconds} ms: {Failure}")]
    public static partial void CallFailed(this ILogger logger, string method, string address, double elapsedMilliseconds, string failure);

    [LoggerMessage(EventId = 13010, Level = LogLevel.Warning, Message = "Kavenegar {ApiMethod} for account {Account} with {Count} messages failed: {Code} {Text}")]
    public static partial void SendFailed(this ILogger logger, string apiMethod, string account, int count, string? code, string? text);

    [LoggerMessage(EventId = 13011, Level = LogLevel.Warning, Message = "Kavenegar's answer for account {Account} had no usable entry for message {MessageId} to {Recipient}")]
    public static partial void EntryMissing(this ILogger logger, string account, MessageId messageId, MaskedPhone recipient);

    [LoggerMessage(EventId = 13012, Level = LogLevel.Debug, Message = "Kavenegar took message {MessageId} to {Recipient} as {ProviderMessageId} (status {Status})")]
    public static partial void MessageAccepted(this ILogger logger, MessageId messageId, MaskedPhone recipient, long providerMessageId, int status);

    [LoggerMessage(EventId = 13020, Level = LogLevel.Warning, Message = "Kavenegar {ApiMethod} for account {Account} failed: {Code} {Text}")]
    public static partial void QueryFailed(this ILogger logger, string apiMethod, string account, string? code, string? text);
}

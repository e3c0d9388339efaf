using Microsoft.Extensions.Logging;
using Rasan.Telemetry;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// FanapPlus provider log messages (event ids 16001–16099). Calls are logged by path, size and content type, never with
/// a body (signatures and texts) or a header; recipients only masked; keys never, only the account's name and the kind
/// of problem; exceptions only by type.
/// </summary>
internal static partial class FanapPlusLog
{
    [LoggerMessage(EventId = 16010, Level = LogLevel.Debug, Message = "FanapPlus call for account {Account}: {Shape} of {Count} messages, Uid {Uid}")]
    public static partial void CallPrepared(this ILogger logger, string account, FanapPlusShape shape, int count, string uid);

    [LoggerMessage(EventId = 16011, Level = LogLevel.Warning, Message = "FanapPlus {Shape} call for account {Account} with {Count} messages failed: {Code} {Text}")]
    public static partial void SendFailed(this ILogger logger, FanapPlusShape shape, string account, int count, string? code, string? text);

    [LoggerMessage(EventId = 16012, Level = LogLevel.Debug, Message = "FanapPlus took message {MessageId} to {Recipient} as {Muid} (request {Puid})")]
    public static partial void MessageAccepted(this ILogger logger, MessageId messageId, MaskedPhone recipient, string muid, string puid);

    [LoggerMessage(EventId = 16013, Level = LogLevel.Warning, Message = "FanapPlus's answer for account {Account} had no Muid for message {MessageId} to {Recipient}")]
    public static partial void MuidMissing(this ILogger logger, string account, MessageId messageId, MaskedPhone recipient);

    [LoggerMessage(EventId = 16014, Level = LogLevel.Warning, Message = "FanapPlus reported message {MessageId} to {Recipient} as {Code}: {Text}")]
    public static partial void MessageRejected(this ILogger logger, MessageId messageId, MaskedPhone recipient, string? code, string? text);

    [LoggerMessage(EventId = 16015, Level = LogLevel.Warning, Message = "Message {MessageId} to {Recipient} was not sent to FanapPlus: {Code}")]
    public static partial void MessageRefused(this ILogger logger, MessageId messageId, MaskedPhone recipient, string code);

    [LoggerMessage(EventId = 16016, Level = LogLevel.Debug, Message = "FanapPlus reported message {MessageId} as {Status} while the call waited: {State}")]
    public static partial void DeliveryReported(this ILogger logger, MessageId messageId, string status, DeliveryState state);

    [LoggerMessage(EventId = 16017, Level = LogLevel.Debug, Message = "FanapPlus reported message {MessageId} as {Status} (code {Code}), a status not in DeliveryStatuses; the message stays accepted")]
    public static partial void DeliveryStatusUnknown(this ILogger logger, MessageId messageId, string status, string? code);

    [LoggerMessage(EventId = 16020, Level = LogLevel.Information, Message = "FanapPlus account {Account}: imported its {KeySize}-bit signing key")]
    public static partial void KeyImported(this ILogger logger, string account, int keySize);

    [LoggerMessage(EventId = 16021, Level = LogLevel.Warning, Message = "FanapPlus account {Account}: its private key cannot sign ({Problem})")]
    public static partial void KeyUnusable(this ILogger logger, string account, FanapPlusKeyProblem problem);

    [LoggerMessage(EventId = 16022, Level = LogLevel.Warning, Message = "FanapPlus account {Account} is not usable: {Problems}")]
    public static partial void AccountUnusable(this ILogger logger, string account, string problems);
}

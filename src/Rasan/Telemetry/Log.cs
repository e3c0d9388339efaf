using Microsoft.Extensions.Logging;

namespace Rasan.Telemetry;

/// <summary>Rasan engine log messages (event ids 1000–1999). Recipients appear only masked; secrets never.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Accepted request {RequestId} of service {ServiceId} with {Count} messages")]
    public static partial void RequestAccepted(this ILogger logger, RequestId requestId, ServiceId serviceId, int count);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Replayed request {RequestId} of service {ServiceId} for a repeated idempotency key")]
    public static partial void IdempotentReplay(this ILogger logger, ServiceId serviceId, RequestId requestId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Dispatcher {Owner} started")]
    public static partial void DispatcherStarted(this ILogger logger, string owner);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Dispatcher {Owner} stopped and released {Released} leases")]
    public static partial void DispatcherStopped(this ILogger logger, string owner, int released);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Dispatch pass failed; retrying after the poll interval")]
    public static partial void DispatchPassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Provider {ProviderType} failed a call for account {Account} with {Count} messages: {Failure}")]
    public static partial void ProviderCallFailed(this ILogger logger, string providerType, string account, int count, string failure);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Message {MessageId} to {Recipient} failed: {Code} {Text}")]
    public static partial void MessageFailed(this ILogger logger, MessageId messageId, MaskedPhone recipient, string? code, string? text);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "Message {MessageId} will be retried in {Delay} after attempt {Attempt}: {Code}")]
    public static partial void RetryScheduled(this ILogger logger, MessageId messageId, TimeSpan delay, int attempt, string? code);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Message {MessageId} expired before it could be sent")]
    public static partial void MessageExpired(this ILogger logger, MessageId messageId);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Circuit breaker for account {Account} opened for {Duration}")]
    public static partial void CircuitOpened(this ILogger logger, string account, TimeSpan duration);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "Writing a dispatch pass's outcomes failed (attempt {Attempt}); retrying")]
    public static partial void CompleteRetried(this ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Dispatching for account {AccountId} failed before any provider call; its messages are given back")]
    public static partial void AccountPassFailed(this ILogger logger, AccountId accountId, Exception exception);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "Message {MessageId} may not be sent now through account {Account}; held until {NotBefore}")]
    public static partial void MessageHeld(this ILogger logger, MessageId messageId, string account, DateTimeOffset notBefore);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Warning, Message = "Writing {Count} delivery outcomes the provider gave with its answer failed; they wait for a later report")]
    public static partial void SyncOutcomesLost(this ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Error, Message = "A provider call whose sender waits for its outcome failed to write its outcomes; its messages are claimed again when their lease ends")]
    public static partial void DetachedCallFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Writing API tokens' last-use times failed; they are written at the next flush")]
    public static partial void TokenUseNotRecorded(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Warning, Message = "{Count} status writes were fenced off: another dispatcher holds those leases now")]
    public static partial void WritesFenced(this ILogger logger, int count);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Delivery-status poll of account {Account} failed: {Failure}")]
    public static partial void DeliveryPollFailed(this ILogger logger, string account, string failure);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Delivery poll pass failed; retrying after the poll interval")]
    public static partial void DeliveryPassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Refused a {Provider} callback for account {AccountId}: unknown account, wrong provider or bad signature")]
    public static partial void CallbackRefused(this ILogger logger, string provider, AccountId accountId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "A {Provider} callback for message {MessageId} carried no report Rasan understands")]
    public static partial void CallbackNotUnderstood(this ILogger logger, string provider, MessageId messageId);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Gave up a {Provider} report for message {MessageId} after {Wait}: the message was never recorded Sent")]
    public static partial void CallbackUnmatched(this ILogger logger, string provider, MessageId messageId, TimeSpan wait);
}

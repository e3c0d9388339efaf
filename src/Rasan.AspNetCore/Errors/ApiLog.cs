using Microsoft.Extensions.Logging;

namespace Rasan.AspNetCore.Errors;

/// <summary>The API's log messages. Never a token, phone number or message text.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 21001, Level = LogLevel.Debug, Message = "API token rejected: {Reason}")]
    public static partial void TokenRejected(this ILogger logger, string reason);

    [LoggerMessage(EventId = 21002, Level = LogLevel.Warning, Message = "The Rasan store is unavailable; answering 503 for {Method} {Route}")]
    public static partial void StoreUnavailable(this ILogger logger, Exception exception, string method, string? route);

    [LoggerMessage(EventId = 21003, Level = LogLevel.Information, Message = "Idempotency conflict ({Kind}) for {Method} {Route}")]
    public static partial void IdempotencyConflict(this ILogger logger, IdempotencyConflictKind kind, string method, string? route);

    [LoggerMessage(EventId = 21004, Level = LogLevel.Debug, Message = "Rejected an invalid request to {Method} {Route} with {StatusCode}")]
    public static partial void BadRequest(this ILogger logger, string method, string? route, int statusCode);

    [LoggerMessage(EventId = 21005, Level = LogLevel.Warning, Message = "Writing {Count} entries of the {Log} failed; they are dropped")]
    public static partial void LogEntriesNotWritten(this ILogger logger, int count, string log, Exception exception);

    [LoggerMessage(EventId = 21006, Level = LogLevel.Warning, Message = "Deleting old entries of the {Log} failed; retried within the hour")]
    public static partial void LogRetentionFailed(this ILogger logger, string log, Exception exception);
}

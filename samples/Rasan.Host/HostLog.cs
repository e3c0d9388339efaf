namespace Rasan.Host;

/// <summary>The host's log messages. Never a token secret.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 29001, Level = LogLevel.Information, Message = "Created service '{Service}'")]
    public static partial void ServiceCreated(this ILogger logger, string service);

    [LoggerMessage(EventId = 29002, Level = LogLevel.Information, Message = "Created the provider account '{Account}'")]
    public static partial void AccountCreated(this ILogger logger, string account);

    [LoggerMessage(EventId = 29003, Level = LogLevel.Information, Message = "The bootstrap API token {Prefix}… of service '{Service}' is in place")]
    public static partial void TokenImported(this ILogger logger, string prefix, string service);

    [LoggerMessage(EventId = 29004, Level = LogLevel.Information, Message = "Issued the first API token {Prefix}… for service '{Service}' and printed it to the console")]
    public static partial void TokenIssued(this ILogger logger, string prefix, string service);

    [LoggerMessage(EventId = 29005, Level = LogLevel.Debug, Message = "Another host created '{Name}' at the same time; using theirs")]
    public static partial void CreatedConcurrently(this ILogger logger, string name);

    [LoggerMessage(EventId = 29006, Level = LogLevel.Warning, Message = "Rasan:Storage:Provider is InMemory: nothing is persisted and every message, service and token is lost when the host stops")]
    public static partial void StorageInMemory(this ILogger logger);

    [LoggerMessage(EventId = 29007, Level = LogLevel.Information, Message = "Updated the provider account '{Account}' from Rasan:Accounts")]
    public static partial void AccountUpdated(this ILogger logger, string account);
}

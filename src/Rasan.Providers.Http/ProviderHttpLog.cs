using Microsoft.Extensions.Logging;

namespace Rasan.Providers.Http;

/// <summary>The provider call log (event ids 12001–12099). Paths only, redacted where they carry a secret.</summary>
internal static partial class ProviderHttpLog
{
    [LoggerMessage(EventId = 12001, Level = LogLevel.Debug, Message = "{Provider} {Method} {Path} ({RequestBytes} bytes) answered HTTP {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void CallAnswered(this ILogger logger, string provider, string method, string path, long? requestBytes, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 12002, Level = LogLevel.Warning, Message = "{Provider} {Method} {Path} got no answer after {ElapsedMilliseconds} ms: {Failure}")]
    public static partial void CallUnanswered(this ILogger logger, string provider, string method, string path, double elapsedMilliseconds, string failure);
}

using Microsoft.Extensions.Logging;

namespace Rasan.Providers.Http;

/// <summary>Logs each call of a provider's client, in place of IHttpClientFactory's default logging: never a header or query.</summary>
internal sealed class ProviderCallLoggingHandler(ProviderHttpClientOptions options, ILogger logger, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri is { } uri ? uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0] : "/";
        path = options.RedactPath?.Invoke(path) ?? path;
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            logger.CallAnswered(
                options.Provider, request.Method.Method, path, request.Content?.Headers.ContentLength, (int)response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception) when (Unanswered(request.Method.Method, path, started, exception))
        {
            throw; // Never reached: the filter logs and declines.
        }
    }

    private bool Unanswered(string method, string path, long started, Exception exception)
    {
        // The type only: the messages of some transport exceptions carry the address.
        logger.CallUnanswered(options.Provider, method, path, time.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
        return false;
    }
}

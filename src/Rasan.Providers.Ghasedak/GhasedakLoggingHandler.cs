using Microsoft.Extensions.Logging;

namespace Rasan.Providers.Ghasedak;

/// <summary>
/// Logs each call of the Ghasedak client in place of <see cref="System.Net.Http.IHttpClientFactory"/>'s default
/// logging, which is removed for this client: by gateway method and path, without the query and without any header
/// (the API key travels in one).
/// </summary>
internal sealed class GhasedakLoggingHandler(ILogger<GhasedakLoggingHandler> logger, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var apiMethod = request.Options.TryGetValue(GhasedakClient.ApiMethod, out var name) ? name : "call";
        logger.CallStarting(apiMethod, request.Method.Method, request.RequestUri?.AbsolutePath ?? "/");
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            logger.CallAnswered(apiMethod, (int)response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception) when (Unanswered(apiMethod, started, exception))
        {
            throw; // Never reached: the filter logs and declines.
        }
    }

    private bool Unanswered(string apiMethod, long started, Exception exception)
    {
        // The type only: transport messages may carry more than a log should.
        logger.CallUnanswered(apiMethod, time.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
        return false;
    }
}

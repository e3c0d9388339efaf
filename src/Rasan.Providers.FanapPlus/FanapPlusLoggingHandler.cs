using Microsoft.Extensions.Logging;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Logs each call of the FanapPlus client in place of <see cref="System.Net.Http.IHttpClientFactory"/>'s default
/// logging, which is removed for this client: by path, body size and content type; never a header, the query or the
/// body (texts and signatures).
/// </summary>
internal sealed class FanapPlusLoggingHandler(ILogger<FanapPlusLoggingHandler> logger, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        logger.CallStarting(request.RequestUri?.AbsolutePath ?? "/", request.Content?.Headers.ContentLength, request.Content?.Headers.ContentType?.MediaType);
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            logger.CallAnswered((int)response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception) when (Unanswered(started, exception))
        {
            throw; // Never reached: the filter logs and declines.
        }
    }

    private bool Unanswered(long started, Exception exception)
    {
        // The type only: transport messages may carry more than a log should.
        logger.CallUnanswered(time.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
        return false;
    }
}

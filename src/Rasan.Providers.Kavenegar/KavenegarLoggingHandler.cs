using Microsoft.Extensions.Logging;

namespace Rasan.Providers.Kavenegar;

/// <summary>
/// Logs each HTTP call of the Kavenegar client in place of <see cref="System.Net.Http.IHttpClientFactory"/>'s default
/// logging (removed, because it writes the request address and Kavenegar's API key is in its path): the same facts,
/// with the key masked.
/// </summary>
internal sealed class KavenegarLoggingHandler(ILogger<KavenegarLoggingHandler> logger, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.Method;
        var address = KavenegarRedaction.Redact(request.RequestUri);
        logger.CallStarting(method, address);
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            logger.CallFinished(method, address, (int)response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            // The exception's type only: messages of some transport exceptions carry the address.
            logger.CallFailed(method, address, time.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
    }
}

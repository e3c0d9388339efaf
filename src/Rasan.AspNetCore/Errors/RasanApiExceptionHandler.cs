using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rasan.AspNetCore.Errors;

/// <summary>
/// For hosts that call <c>UseExceptionHandler()</c>: answers exceptions thrown on Rasan endpoints outside the endpoint
/// itself (while reading the body, in other middleware) with the same problem details. Other endpoints are left alone.
/// </summary>
internal sealed class RasanApiExceptionHandler(
    IProblemDetailsService problemDetails, IOptions<RasanApiOptions> options, ILogger<RasanApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.GetEndpoint()?.Metadata.GetMetadata<RasanApiEndpointMetadata>() is null
            || !ApiExceptionMapper.TryMap(httpContext, exception, options.Value, logger, out var problem))
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}

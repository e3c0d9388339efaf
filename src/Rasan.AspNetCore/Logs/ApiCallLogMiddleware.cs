using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Errors;
using Rasan.Auditing;

namespace Rasan.AspNetCore.Logs;

/// <summary>
/// Records every call to a Rasan API endpoint, refused ones (401, 403, 429) included: the route template, never the
/// raw path or query, the status, the duration, and the caller's service and token prefix when its token was valid.
/// It wraps the whole pipeline, so it sees the endpoint chosen by routing and the final status.
/// </summary>
internal sealed class ApiCallLogMiddleware(RequestDelegate next, BatchedLog<ApiCall> recorder, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var at = time.GetUtcNow();
        var started = time.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.Metadata.GetMetadata<RasanApiEndpointMetadata>() is not null)
            {
                var user = context.User;
                recorder.Record(new ApiCall
                {
                    Id = Guid.CreateVersion7(at),
                    At = at,
                    Method = context.Request.Method,
                    Route = endpoint.RoutePattern.RawText ?? string.Empty,
                    Status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode,
                    DurationMs = time.GetElapsedTime(started).TotalMilliseconds,
                    ServiceId = ServiceId.TryParse(user.FindFirst(RasanClaimTypes.ServiceId)?.Value, null, out var service) ? service : null,
                    TokenPrefix = user.FindFirst(RasanClaimTypes.TokenPrefix)?.Value,
                    ClientIp = context.Connection.RemoteIpAddress?.ToString(),
                    RequestId = context.TraceIdentifier,
                });
            }
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Rasan.AspNetCore.Errors;

/// <summary>Turns the exceptions the engine and stores throw for bad input or an outage into problem details.</summary>
internal static class ApiExceptionMapper
{
    /// <summary>Maps <paramref name="exception"/>, setting <c>Retry-After</c> where the answer has one.</summary>
    public static bool TryMap(
        HttpContext context, Exception exception, RasanApiOptions options, ILogger logger, [NotNullWhen(true)] out ProblemDetails? problem)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        switch (exception)
        {
            case SendValidationException validation:
                problem = ApiProblems.Validation(validation.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
                logger.BadRequest(context.Request.Method, route, StatusCodes.Status400BadRequest);
                return true;
            case IdempotencyConflictException conflict:
                problem = ApiProblems.IdempotencyConflict(conflict);
                if (conflict.Kind == IdempotencyConflictKind.InFlight)
                {
                    RetryAfterHeader.Set(context.Response, TimeSpan.FromSeconds(1));
                }

                logger.IdempotencyConflict(conflict.Kind, context.Request.Method, route);
                return true;
            case BadHttpRequestException badRequest:
                problem = ApiProblems.BadHttpRequest(badRequest);
                logger.BadRequest(context.Request.Method, route, badRequest.StatusCode);
                return true;
            case not null when StoreFailure.IsUnavailable(exception):
                problem = ApiProblems.StoreUnavailable();
                RetryAfterHeader.Set(context.Response, options.StoreUnavailableRetryAfter);
                logger.StoreUnavailable(exception, context.Request.Method, route);
                return true;
            default:
                problem = null;
                return false;
        }
    }
}

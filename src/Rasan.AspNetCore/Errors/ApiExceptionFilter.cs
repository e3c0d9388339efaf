using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rasan.AspNetCore.Errors;

/// <summary>Answers the API's expected exceptions with problem details, whether or not the host uses an exception handler.</summary>
internal sealed class ApiExceptionFilter(IOptions<RasanApiOptions> options, ILogger<ApiExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (ApiExceptionMapper.TryMap(context.HttpContext, exception, options.Value, logger, out var problem))
        {
            return TypedResults.Problem(problem);
        }
    }
}

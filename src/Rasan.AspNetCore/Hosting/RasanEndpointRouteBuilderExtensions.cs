using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rasan.AspNetCore;
using Rasan.AspNetCore.Endpoints;
using Rasan.AspNetCore.Errors;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Rasan HTTP API v1.</summary>
public static class RasanEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Rasan HTTP API v1 under <c>/api/v1</c>: send, get a message, get a request, search and cancel, which need
    /// a Rasan API token in <c>Authorization: Bearer</c>; and <c>callbacks/{provider}/{account}</c>, where providers
    /// report delivery on addresses the engine signed per message (see <c>RasanOptions.Callbacks</c>).
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <returns>The route group of the API, to add conventions such as rate limiting to.</returns>
    /// <exception cref="InvalidOperationException"><c>AddRasanApi()</c> was not called.</exception>
    public static RouteGroupBuilder MapRasan(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<RasanApiServiceCollectionExtensions.RasanApiMarker>() is null)
        {
            throw new InvalidOperationException(
                "MapRasan() needs the Rasan API services: call services.AddRasan(...).AddRasanApi() when configuring services.");
        }

        var group = endpoints.MapGroup(RasanEndpointPaths.Prefix)
            .WithTags("Messages")
            .WithMetadata(RasanApiEndpointMetadata.Instance)
            .AddEndpointFilter<ApiExceptionFilter>()
            .RequireRateLimiting(RasanApiDefaults.RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        SendMessagesEndpoint.Map(group);
        SearchMessagesEndpoint.Map(group);
        GetMessageEndpoint.Map(group);
        GetRequestEndpoint.Map(group);
        CancelMessageEndpoint.Map(group);
        ListApiTokensEndpoint.Map(group);
        IssueApiTokenEndpoint.Map(group);
        RevokeApiTokenEndpoint.Map(group);
        SearchApiCallsEndpoint.Map(group);
        SearchAuditEndpoint.Map(group);
        ListAccountsEndpoint.Map(group);
        AddAccountEndpoint.Map(group);
        UpdateAccountEndpoint.Map(group);
        ProviderCallbackEndpoint.Map(group);
        return group;
    }
}

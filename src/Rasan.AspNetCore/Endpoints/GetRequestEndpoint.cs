using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>GET /api/v1/requests/{requestId}</c>: a send request of the caller's service and its messages' statuses.</summary>
internal static class GetRequestEndpoint
{
    /// <summary>The endpoint's name, for links to a request.</summary>
    public const string Name = "GetRequest";

    public static void Map(IEndpointRouteBuilder group)
        => group.MapGet("/requests/{requestId}", HandleAsync)
            .WithName(Name)
            .WithSummary("Get a send request and the current status of its messages.")
            .RequireAuthorization(RasanApiDefaults.ReadPolicy)
            .Produces<RequestResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(
        string requestId, HttpContext context, [FromServices] IMessageTracker tracker, CancellationToken cancellationToken)
    {
        if (!RequestId.TryParse(requestId, null, out var id)
            || await tracker.GetRequestAsync(context.User.GetServiceId(), id, cancellationToken) is not { } request)
        {
            return TypedResults.Problem(ApiProblems.NotFound($"There is no request '{requestId}' in this service."));
        }

        return TypedResults.Json(RequestResponse.From(request), RasanApiJson.Context.RequestResponse);
    }
}

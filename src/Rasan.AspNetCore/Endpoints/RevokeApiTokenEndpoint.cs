using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>POST /api/v1/tokens/{tokenId}/revoke</c>: revokes one of the calling service's API tokens.</summary>
internal static class RevokeApiTokenEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
        => group.MapPost("/tokens/{tokenId}/revoke", HandleAsync)
            .WithName("RevokeApiToken")
            .WithSummary("Revoke an API token of the service.")
            .WithDescription(
                "Answers the revoked token. It fails at once on the host that revoked it and within 5 seconds on every "
                + "other host (their authentication cache). Revoking it again changes nothing; 404 for an unknown token.")
            .RequireAuthorization(RasanApiDefaults.ManagePolicy)
            .Produces<ApiTokenResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(
        string tokenId,
        HttpContext context,
        [FromServices] IApiTokenManager tokens,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        var notFound = ApiProblems.NotFound($"There is no API token '{tokenId}' in this service.");
        if (!Guid.TryParse(tokenId, out var id))
        {
            return TypedResults.Problem(notFound);
        }

        return await tokens.RevokeAsync(context.User.GetServiceId(), id, cancellationToken) is { } revoked
            ? TypedResults.Json(ApiTokenResponse.From(revoked, time.GetUtcNow()), RasanApiJson.Context.ApiTokenResponse)
            : TypedResults.Problem(notFound);
    }
}

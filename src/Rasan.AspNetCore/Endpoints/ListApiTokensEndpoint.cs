using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>GET /api/v1/tokens</c>: the calling service's API tokens, without secrets.</summary>
internal static class ListApiTokensEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
        => group.MapGet("/tokens", HandleAsync)
            .WithName("ListApiTokens")
            .WithSummary("List the service's API tokens.")
            .WithDescription("Newest first, revoked and expired ones included. Secrets are never shown after issuing.")
            .RequireAuthorization(RasanApiDefaults.ManagePolicy)
            .Produces<ApiTokenListResponse>();

    private static async Task<IResult> HandleAsync(
        HttpContext context, [FromServices] IApiTokenManager tokens, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var listed = await tokens.ListAsync(context.User.GetServiceId(), cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Json(
            new ApiTokenListResponse { Items = [.. listed.Select(t => ApiTokenResponse.From(t, now))] },
            RasanApiJson.Context.ApiTokenListResponse);
    }
}

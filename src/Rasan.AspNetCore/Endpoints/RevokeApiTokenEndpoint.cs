using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;
using Rasan.AspNetCore.Logs;

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
        [FromServices] AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var notFound = ApiProblems.NotFound($"There is no API token '{tokenId}' in this service.");
        if (!Guid.TryParse(tokenId, out var id))
        {
            return TypedResults.Problem(notFound);
        }

        var service = context.User.GetServiceId();
        var asked = time.GetUtcNow();
        if (await tokens.RevokeAsync(service, id, cancellationToken) is not { } revoked)
        {
            return TypedResults.Problem(notFound);
        }

        var answer = ApiTokenResponse.From(revoked, time.GetUtcNow());
        if (revoked.RevokedAt >= asked)
        {
            // Revoked by this call, not before: a repeat changes nothing and is not a change to audit.
            var before = AuditRecorder.Snapshot(ApiTokenResponse.From(revoked with { RevokedAt = null }, asked), RasanApiJson.Context.ApiTokenResponse);
            audit.Record(context, service, "api-token", answer.Id, "revoke", before, AuditRecorder.Snapshot(answer, RasanApiJson.Context.ApiTokenResponse));
        }

        return TypedResults.Json(answer, RasanApiJson.Context.ApiTokenResponse);
    }
}

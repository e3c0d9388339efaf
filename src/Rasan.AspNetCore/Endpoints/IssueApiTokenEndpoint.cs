using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;
using Rasan.AspNetCore.Logs;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>POST /api/v1/tokens</c>: issues an API token for the calling service and shows its secret once.</summary>
internal static class IssueApiTokenEndpoint
{
    /// <summary>The largest body: a name, three scopes and a time fit many times over.</summary>
    private const long MaxBodySize = 4096;

    public static void Map(IEndpointRouteBuilder group)
        => group.MapPost("/tokens", HandleAsync)
            .WithName("IssueApiToken")
            .WithSummary("Issue an API token for the service.")
            .WithDescription("Answers 201 with the token and its secret, which is shown this once: Rasan keeps only a hash.")
            .RequireAuthorization(RasanApiDefaults.ManagePolicy)
            .Accepts<IssueApiTokenRequest>("application/json")
            .Produces<IssuedApiTokenResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromServices] IApiTokenIssuer issuer,
        [FromServices] TimeProvider time,
        [FromServices] AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return TypedResults.Problem(ApiProblems.UnsupportedMediaType());
        }

        if (await LimitedBodyReader.ReadAsync(request, MaxBodySize, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(ApiProblems.PayloadTooLarge(MaxBodySize));
        }

        var errors = new ValidationErrors();
        var now = time.GetUtcNow();
        if (IssueApiTokenRequestReader.Read(body, now, errors) is not { } wanted)
        {
            return TypedResults.Problem(ApiProblems.Validation(errors.ToDictionary()));
        }

        if ((wanted.Scopes & ~context.User.GetScopes()) is var beyond and not ApiTokenScopes.None)
        {
            // No escalation: a token grants only scopes it has itself.
            return TypedResults.Problem(ApiProblems.ScopesNotHeld(ApiTokenScopeNames.Of(beyond)));
        }

        var service = context.User.GetServiceId();
        var issued = await issuer.IssueAsync(service, wanted.Name, wanted.Scopes, wanted.ExpiresAt, cancellationToken);
        var token = ApiTokenResponse.From(issued.Token, now);
        audit.Record(
            context, service, "api-token", token.Id, "issue", before: null, AuditRecorder.Snapshot(token, RasanApiJson.Context.ApiTokenResponse));
        return TypedResults.Json(
            new IssuedApiTokenResponse { Token = token, Secret = issued.Secret },
            RasanApiJson.Context.IssuedApiTokenResponse,
            statusCode: StatusCodes.Status201Created);
    }
}

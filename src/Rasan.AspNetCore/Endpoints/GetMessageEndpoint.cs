using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>GET /api/v1/messages/{id}</c>: one message of the caller's service with its history.</summary>
internal static class GetMessageEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
        => group.MapGet("/messages/{id}", HandleAsync)
            .WithName("GetMessage")
            .WithSummary("Get a message with its status and event history.")
            .RequireAuthorization(RasanApiDefaults.ReadPolicy)
            .Produces<MessageResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(
        string id, HttpContext context, [FromServices] IMessageTracker tracker, CancellationToken cancellationToken)
    {
        if (!MessageId.TryParse(id, null, out var messageId)
            || await tracker.GetMessageAsync(context.User.GetServiceId(), messageId, cancellationToken) is not { } message)
        {
            return TypedResults.Problem(ApiProblems.NotFound($"There is no message '{id}' in this service."));
        }

        return TypedResults.Json(MessageResponse.From(message, withEvents: true), RasanApiJson.Context.MessageResponse);
    }
}

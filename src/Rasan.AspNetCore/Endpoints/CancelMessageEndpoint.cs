using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;
using Rasan.AspNetCore.Logs;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>POST /api/v1/messages/{id}/cancel</c>: cancels a message not yet handed to its provider.</summary>
internal static class CancelMessageEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
        => group.MapPost("/messages/{id}/cancel", HandleAsync)
            .WithName("CancelMessage")
            .WithSummary("Cancel a queued or scheduled message.")
            .WithDescription("Answers the cancelled message; 404 for an unknown message, 409 when it was already sent or is final.")
            .RequireAuthorization(RasanApiDefaults.SendPolicy)
            .Produces<MessageResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(
        string id,
        HttpContext context,
        [FromServices] IMessageSender sender,
        [FromServices] IMessageTracker tracker,
        [FromServices] AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var notFound = ApiProblems.NotFound($"There is no message '{id}' in this service.");
        if (!MessageId.TryParse(id, null, out var messageId))
        {
            return TypedResults.Problem(notFound);
        }

        var service = context.User.GetServiceId();
        switch (await sender.CancelAsync(service, messageId, cancellationToken))
        {
            case CancelResult.NotFound:
                return TypedResults.Problem(notFound);
            case CancelResult.TooLate:
                return TypedResults.Problem(ApiProblems.CancelTooLate(messageId));
        }

        audit.Record(context, service, "message", messageId.ToString(), "cancel", before: null, after: "{\"status\":\"cancelled\"}");
        return await tracker.GetMessageAsync(service, messageId, cancellationToken) is { } message
            ? TypedResults.Json(MessageResponse.From(message, withEvents: true), RasanApiJson.Context.MessageResponse)
            : TypedResults.Problem(notFound);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>GET /api/v1/messages</c>: searches the caller's messages, newest first, with keyset paging.</summary>
internal static class SearchMessagesEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
        => group.MapGet("/messages", HandleAsync)
            .WithName("SearchMessages")
            .WithSummary("Search messages, newest first.")
            .WithDescription(
                "Filters: to (any form the send API accepts), status, tag, text (substring), from and until (ISO 8601, "
                + "creation time), limit (1 to 500, default 50; larger is clamped) and cursor (the 'next' of the previous page).")
            .RequireAuthorization(RasanApiDefaults.ReadPolicy)
            .Produces<MessagePageResponse>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        HttpContext context, [FromServices] IMessageTracker tracker, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (MessageQueryParser.Parse(context.Request.Query, errors) is not { } query)
        {
            return TypedResults.Problem(ApiProblems.Validation(errors.ToDictionary()));
        }

        var page = await tracker.SearchAsync(context.User.GetServiceId(), query, cancellationToken);
        var response = new MessagePageResponse
        {
            Items = page.Items.Select(m => MessageResponse.From(m, withEvents: false)).ToArray(),
            Next = page.Next is { } next ? KeysetCursor.Encode(next.Value) : null,
        };
        return TypedResults.Json(response, RasanApiJson.Context.MessagePageResponse);
    }
}

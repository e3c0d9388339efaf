using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;
using Rasan.Auditing;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>GET /api/v1/api-calls</c>: the calling service's API-call log, newest first.</summary>
internal static class SearchApiCallsEndpoint
{
    private static readonly string[] Known = ["from", "until", "status", "route", "limit", "cursor"];

    public static void Map(IEndpointRouteBuilder group)
        => group.MapGet("/api-calls", HandleAsync)
            .WithName("SearchApiCalls")
            .WithSummary("Search the service's API-call log.")
            .WithDescription(
                "Needs the 'manage' scope. Filters: from, until (ISO 8601), status (an HTTP status), route (a route template "
                + "such as /api/v1/messages/{id}); limit (1 to 500) and cursor (the 'next' of the previous page). Calls are "
                + "written within a few seconds and kept for RasanApiOptions.ApiCallLogRetention (30 days by default).")
            .RequireAuthorization(RasanApiDefaults.ManagePolicy)
            .Produces<ApiCallPageResponse>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        HttpContext context, [FromServices] IApiCallStore calls, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parameters = context.Request.Query;
        QueryFields.CheckKnown(parameters, Known, errors);
        var query = new ApiCallQuery
        {
            From = QueryFields.Time(parameters, "from", errors),
            To = QueryFields.Time(parameters, "until", errors),
            Route = QueryFields.Value(parameters, "route"),
            Limit = QueryFields.Limit(parameters, ApiCallQuery.MaxLimit, errors) ?? 50,
            After = QueryFields.Cursor(parameters, errors),
        };
        if (QueryFields.Value(parameters, "status") is { } status)
        {
            if (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599)
            {
                query = query with { Status = code };
            }
            else
            {
                errors.Add("status", "Must be an HTTP status, 100 to 599.");
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(ApiProblems.Validation(errors.ToDictionary()));
        }

        var page = await calls.SearchAsync(context.User.GetServiceId(), query, cancellationToken);
        return TypedResults.Json(
            new ApiCallPageResponse
            {
                Items = [.. page.Items.Select(ApiCallResponse.From)],
                Next = page.Next is { } next ? KeysetCursor.Encode(next) : null,
            },
            RasanApiJson.Context.ApiCallPageResponse);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;
using Rasan.Auditing;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>GET /api/v1/audit</c>: the calling service's audit log (with hub-wide entries for administrators), newest first.</summary>
internal static class SearchAuditEndpoint
{
    private static readonly string[] Known = ["from", "until", "entity", "action", "limit", "cursor"];

    public static void Map(IEndpointRouteBuilder group)
        => group.MapGet("/audit", HandleAsync)
            .WithName("SearchAudit")
            .WithSummary("Search the audit log.")
            .WithDescription(
                "Needs the 'manage' scope; an 'admin' token also sees hub-wide changes (provider accounts). Filters: from, until "
                + "(ISO 8601), entity (request, message, api-token, account), action (send, cancel, issue, revoke, add, update); "
                + "limit (1 to 500) and cursor. Entries are written within a few seconds and kept for "
                + "RasanApiOptions.AuditLogRetention (365 days by default); secrets are masked in every snapshot.")
            .RequireAuthorization(RasanApiDefaults.ManagePolicy)
            .Produces<AuditPageResponse>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(HttpContext context, [FromServices] IAuditStore audit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parameters = context.Request.Query;
        QueryFields.CheckKnown(parameters, Known, errors);
        var query = new AuditQuery
        {
            IncludeHubWide = context.User.GetScopes().HasFlag(ApiTokenScopes.Admin),
            From = QueryFields.Time(parameters, "from", errors),
            To = QueryFields.Time(parameters, "until", errors),
            Entity = QueryFields.Value(parameters, "entity"),
            Action = QueryFields.Value(parameters, "action"),
            Limit = QueryFields.Limit(parameters, AuditQuery.MaxLimit, errors) ?? 50,
            After = QueryFields.Cursor(parameters, errors),
        };
        if (errors.Count > 0)
        {
            return TypedResults.Problem(ApiProblems.Validation(errors.ToDictionary()));
        }

        var page = await audit.SearchAsync(context.User.GetServiceId(), query, cancellationToken);
        return TypedResults.Json(
            new AuditPageResponse
            {
                Items = [.. page.Items.Select(AuditEntryResponse.From)],
                Next = page.Next is { } next ? KeysetCursor.Encode(next) : null,
            },
            RasanApiJson.Context.AuditPageResponse);
    }
}

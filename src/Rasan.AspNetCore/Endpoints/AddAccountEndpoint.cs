using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;
using Rasan.AspNetCore.Logs;
using Rasan.Storage;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>POST /api/v1/accounts</c>: adds a provider account, checked by its provider before anything is stored.</summary>
internal static class AddAccountEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
        => group.MapPost("/accounts", HandleAsync)
            .WithName("AddAccount")
            .WithTags("Accounts")
            .WithSummary("Add a provider account.")
            .WithDescription(
                "Needs the 'admin' scope. The provider checks the settings (a bad key is a 400 naming the field, and nothing "
                + "is stored); secrets are encrypted at rest and never shown again.")
            .RequireAuthorization(RasanApiDefaults.AdminPolicy)
            .Accepts<AccountRequest>("application/json")
            .Produces<AccountResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromServices] ITenancyStore tenancy,
        [FromServices] AccountEditor editor,
        [FromServices] AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await AccountBody.ReadAsync(context.Request, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var errors = new ValidationErrors();
        var account = editor.Apply(request, existing: null, await tenancy.ListAccountsAsync(cancellationToken), errors);
        if (account is null)
        {
            return TypedResults.Problem(ApiProblems.Validation(errors.ToDictionary()));
        }

        await tenancy.AddAccountAsync(account, cancellationToken);
        var shown = AccountResponse.From(account, editor.Describe(account.ProviderType));
        audit.Record(context, service: null, "account", shown.Id, "add", before: null, AuditRecorder.Snapshot(shown, RasanApiJson.Context.AccountResponse));
        return TypedResults.Json(
            shown,
            RasanApiJson.Context.AccountResponse,
            statusCode: StatusCodes.Status201Created);
    }
}

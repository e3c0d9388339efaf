using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;
using Rasan.AspNetCore.Logs;
using Rasan.Storage;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>PATCH /api/v1/accounts/{accountId}</c>: changes a provider account; settings left out are kept.</summary>
internal static class UpdateAccountEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
        => group.MapPatch("/accounts/{accountId}", HandleAsync)
            .WithName("UpdateAccount")
            .WithTags("Accounts")
            .WithSummary("Change a provider account.")
            .WithDescription(
                "Needs the 'admin' scope. Only the fields given change; a setting set to null is removed and one left out is "
                + "kept, so secrets need not be sent again. The provider checks the result; senders see it within 5 seconds.")
            .RequireAuthorization(RasanApiDefaults.AdminPolicy)
            .Accepts<AccountRequest>("application/json")
            .Produces<AccountResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(
        string accountId,
        HttpContext context,
        [FromServices] ITenancyStore tenancy,
        [FromServices] AccountEditor editor,
        [FromServices] AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var accounts = await tenancy.ListAccountsAsync(cancellationToken);
        if (!Guid.TryParse(accountId, out var id) || accounts.FirstOrDefault(a => a.Id.Value == id) is not { } existing)
        {
            return TypedResults.Problem(ApiProblems.NotFound($"There is no account '{accountId}'."));
        }

        var (request, problem) = await AccountBody.ReadAsync(context.Request, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var errors = new ValidationErrors();
        var changed = editor.Apply(request, existing, accounts.Where(a => a.Id != existing.Id), errors);
        if (changed is null)
        {
            return TypedResults.Problem(ApiProblems.Validation(errors.ToDictionary()));
        }

        if (!await tenancy.UpdateAccountAsync(changed, cancellationToken))
        {
            return TypedResults.Problem(ApiProblems.NotFound($"There is no account '{accountId}'."));
        }

        var descriptor = editor.Describe(changed.ProviderType);
        var shown = AccountResponse.From(changed, descriptor);
        audit.Record(
            context,
            service: null,
            "account",
            shown.Id,
            "update",
            AuditRecorder.Snapshot(AccountResponse.From(existing, descriptor), RasanApiJson.Context.AccountResponse),
            AuditRecorder.Snapshot(shown, RasanApiJson.Context.AccountResponse));
        return TypedResults.Json(shown, RasanApiJson.Context.AccountResponse);
    }
}

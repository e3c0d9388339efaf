using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Contracts;
using Rasan.Storage;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>GET /api/v1/accounts</c>: the hub's provider accounts, secrets masked.</summary>
internal static class ListAccountsEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
        => group.MapGet("/accounts", HandleAsync)
            .WithName("ListAccounts")
            .WithTags("Accounts")
            .WithSummary("List the hub's provider accounts.")
            .WithDescription("Needs the 'admin' scope. Secret fields show only a masked hint, never their value.")
            .RequireAuthorization(RasanApiDefaults.AdminPolicy)
            .Produces<AccountListResponse>();

    private static async Task<IResult> HandleAsync(
        [FromServices] ITenancyStore tenancy, [FromServices] AccountEditor editor, CancellationToken cancellationToken)
    {
        var accounts = await tenancy.ListAccountsAsync(cancellationToken);
        return TypedResults.Json(
            new AccountListResponse { Items = [.. accounts.Select(a => AccountResponse.From(a, editor.Describe(a.ProviderType)))] },
            RasanApiJson.Context.AccountListResponse);
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.Authentication;

/// <summary>
/// Authenticates a service by the API token in <c>Authorization: Bearer</c> (never a query string). Challenges and
/// forbids with problem+json; when the token store cannot be reached it answers 503 instead of 401.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<ApiTokenAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IApiTokenAuthenticator authenticator,
    IProblemDetailsService problemDetails,
    IOptions<RasanApiOptions> apiOptions)
    : AuthenticationHandler<ApiTokenAuthenticationOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private static readonly object StoreUnavailableKey = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (headers.Count > 1)
        {
            return Reject("more than one Authorization header");
        }

        var value = headers[0];
        if (value is null || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = value[BearerPrefix.Length..].Trim();
        if (secret.Length == 0)
        {
            return Reject("empty bearer token");
        }

        ApiToken? token;
        try
        {
            token = await authenticator.AuthenticateAsync(secret, Context.RequestAborted);
        }
        catch (Exception exception) when (StoreFailure.IsUnavailable(exception))
        {
            Logger.StoreUnavailable(exception, Request.Method, Request.Path);
            Context.Items[StoreUnavailableKey] = true;
            return AuthenticateResult.Fail("The token store is unavailable.");
        }

        if (token is null)
        {
            return Reject("unknown, expired or revoked token");
        }

        var identity = new ClaimsIdentity(Scheme.Name);
        identity.AddClaim(new Claim(RasanClaimTypes.ServiceId, token.ServiceId.ToString()));
        identity.AddClaim(new Claim(RasanClaimTypes.TokenId, token.Id.ToString()));
        identity.AddClaim(new Claim(RasanClaimTypes.TokenPrefix, token.Prefix));
        identity.AddClaim(new Claim(ClaimTypes.Name, token.Name));
        foreach (var scope in ApiTokenScopeNames.Of(token.Scopes))
        {
            identity.AddClaim(new Claim(RasanClaimTypes.Scope, scope));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(StoreUnavailableKey))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            RetryAfterHeader.Set(Response, apiOptions.Value.StoreUnavailableRetryAfter);
            await WriteProblemAsync(ApiProblems.StoreUnavailable());
            return;
        }

        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Unauthorized",
            Detail = result.Failure is null
                ? "Send a Rasan API token in the 'Authorization: Bearer <token>' header."
                : "The API token is unknown, expired or revoked.",
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden",
            Detail = "The API token does not have the scope this endpoint needs.",
        });
    }

    private AuthenticateResult Reject(string reason)
    {
        Logger.TokenRejected(reason);
        return AuthenticateResult.Fail(reason);
    }

    private async Task WriteProblemAsync(ProblemDetails problem)
    {
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem }))
        {
            await Response.WriteAsJsonAsync(problem, RasanApiJson.Context.ProblemDetails, contentType: "application/problem+json");
        }
    }
}

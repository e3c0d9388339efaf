using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rasan.AspNetCore.Errors;
using Rasan.Providers;

namespace Rasan.AspNetCore.Endpoints;

/// <summary>
/// <c>GET|POST /api/v1/callbacks/{provider}/{account}</c>: a provider's delivery callback (a Kannel DLR, a webhook).
/// No API token: the address itself is signed per message by the engine, which checks it. Repeated reports answer 200
/// too, so the provider stops retrying.
/// </summary>
internal static class ProviderCallbackEndpoint
{
    /// <summary>The largest callback body read; delivery reports are small.</summary>
    public const int MaxBodySize = 64 * 1024;

    public static void Map(IEndpointRouteBuilder group)
        => group.MapMethods("/callbacks/{provider}/{account:guid}", [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .WithName("ProviderCallback")
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(
        string provider,
        Guid account,
        HttpContext context,
        [FromServices] ICallbackReceiver receiver,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        ReadOnlyMemory<byte> body = default;
        if (HttpMethods.IsPost(request.Method))
        {
            if (await LimitedBodyReader.ReadAsync(request, MaxBodySize, cancellationToken) is not { } read)
            {
                return TypedResults.Problem(ApiProblems.PayloadTooLarge(MaxBodySize));
            }

            body = read;
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in request.Query)
        {
            query[key] = values.ToString();
        }

        var payload = new CallbackPayload(request.Method, query, request.ContentType, body);
        return await receiver.ReceiveAsync(provider, new AccountId(account), payload, cancellationToken) switch
        {
            CallbackOutcome.Accepted => TypedResults.Ok(),
            CallbackOutcome.Invalid => TypedResults.Problem(ApiProblems.CallbackNotUnderstood()),
            _ => TypedResults.Problem(ApiProblems.NotFound("There is no such callback address.")),
        };
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;
using Rasan.AspNetCore.Logs;

namespace Rasan.AspNetCore.Endpoints;

/// <summary><c>POST /api/v1/messages</c>: accepts a broadcast or a batch and answers 202 once it is durable.</summary>
internal static class SendMessagesEndpoint
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string IdempotencyReplayedHeader = "Idempotency-Replayed";

    public static void Map(IEndpointRouteBuilder group)
        => group.MapPost("/messages", HandleAsync)
            .WithName("SendMessages")
            .WithSummary("Send one text to many recipients, or a batch of different texts.")
            .WithDescription(
                "Answers 202 once the request and every message are stored. With 'waitSeconds' (at most 20) it answers "
                + "when every message has a first outcome or the wait ends. 'providerOptions' sets options of the account's "
                + "provider (listed in the schema); any other is a 400 naming it. An 'Idempotency-Key' header makes retries safe: "
                + "the same body returns the first answer with 'Idempotency-Replayed: true', another body answers 422, "
                + "and while the first is still being accepted it answers 409 with 'Retry-After'.")
            .RequireAuthorization(RasanApiDefaults.SendPolicy)
            .Accepts<SendMessagesRequest>("application/json")
            .Produces<SendMessagesResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromServices] IMessageSender sender,
        [FromServices] IMessageTracker tracker,
        [FromServices] IOptions<RasanApiOptions> options,
        [FromServices] LinkGenerator links,
        [FromServices] AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return TypedResults.Problem(ApiProblems.UnsupportedMediaType());
        }

        var limit = options.Value.MaxSendBodySize;
        if (await LimitedBodyReader.ReadAsync(request, limit, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(ApiProblems.PayloadTooLarge(limit));
        }

        var errors = new ValidationErrors();
        var idempotencyKey = ReadIdempotencyKey(request, errors);
        var dto = SendMessagesRequestReader.Read(body, errors);
        if (dto is null || errors.Count > 0)
        {
            return TypedResults.Problem(ApiProblems.Validation(errors.ToDictionary()));
        }

        var service = context.User.GetServiceId();
        var receipt = await sender.SendAsync(service, dto.ToSendRequest(idempotencyKey), cancellationToken);
        if (!receipt.Replayed)
        {
            var after = new JsonObject { ["messages"] = receipt.Messages.Count, ["idempotencyKey"] = idempotencyKey };
            audit.Record(context, service, "request", receipt.RequestId.ToString(), "send", before: null, after.ToJsonString());
        }

        IEnumerable<MessageReceipt> messages = receipt.Messages;
        if (dto.WaitSeconds is > 0 && receipt.Messages.Count > 0)
        {
            var current = await tracker.WaitForOutcomeAsync(
                service, receipt.Messages.Select(m => m.Id).ToArray(), TimeSpan.FromSeconds(dto.WaitSeconds.Value), cancellationToken);
            var byId = current.ToDictionary(m => m.Id);
            messages = receipt.Messages.Select(m => byId.GetValueOrDefault(m.Id, m));
        }

        if (receipt.Replayed)
        {
            context.Response.Headers[IdempotencyReplayedHeader] = "true";
        }

        // From the route table, so it is right wherever the app mapped the API (a route group, a path base).
        context.Response.Headers.Location = links.GetPathByName(context, GetRequestEndpoint.Name, new { requestId = receipt.RequestId.ToString() });
        return TypedResults.Json(
            SendMessagesResponse.From(receipt.RequestId, messages),
            RasanApiJson.Context.SendMessagesResponse,
            statusCode: StatusCodes.Status202Accepted);
    }

    private static string? ReadIdempotencyKey(HttpRequest request, ValidationErrors errors)
    {
        var values = request.Headers[IdempotencyKeyHeader];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            errors.Add(IdempotencyKeyHeader, "Give one non-empty Idempotency-Key header.");
            return null;
        }

        return values[0]!.Trim();
    }

}

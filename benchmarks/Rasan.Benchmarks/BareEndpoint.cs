using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rasan.Benchmarks;

/// <summary>
/// <c>bare</c>: the baseline of the load script. A minimal Kestrel app whose <c>POST /api/v1/messages</c> reads the
/// same JSON as Rasan's (source-generated System.Text.Json), checks that a Bearer token is present and answers 202
/// with a body shaped like Rasan's receipt and a Location header: everything but validation and storage.
/// </summary>
internal static class BareEndpoint
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJsonContext.Default));
        var app = builder.Build();
        app.MapPost("/api/v1/messages", async (HttpContext context) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= "Bearer ".Length)
            {
                return Results.Unauthorized();
            }

            var request = await context.Request.ReadFromJsonAsync(BareJsonContext.Default.BareSendRequest, context.RequestAborted);
            if (request?.To is not { Count: > 0 } to || string.IsNullOrWhiteSpace(request.Text))
            {
                return Results.BadRequest();
            }

            var now = DateTimeOffset.UtcNow;
            var requestId = Guid.CreateVersion7(now).ToString();
            var messages = new BareReceipt[to.Count];
            for (var i = 0; i < to.Count; i++)
            {
                messages[i] = new BareReceipt { Id = Guid.CreateVersion7(now).ToString(), To = to[i], Status = "queued" };
            }

            context.Response.Headers.Location = "/api/v1/requests/" + requestId;
            return TypedResults.Json(
                new BareSendResponse { RequestId = requestId, Messages = messages },
                BareJsonContext.Default.BareSendResponse,
                statusCode: StatusCodes.Status202Accepted);
        });
        Console.WriteLine("bare endpoint: POST /api/v1/messages answers 202 without storage");
        await app.RunAsync();
        return 0;
    }
}

/// <summary>The part of Rasan's send body the bare endpoint reads.</summary>
internal sealed class BareSendRequest
{
    public IReadOnlyList<string>? To { get; set; }

    public string? Text { get; set; }

    public string? Priority { get; set; }

    public IReadOnlyList<string>? Tags { get; set; }
}

/// <summary>Shaped like Rasan's <c>SendMessagesResponse</c>.</summary>
internal sealed class BareSendResponse
{
    public required string RequestId { get; init; }

    public required IReadOnlyList<BareReceipt> Messages { get; init; }
}

/// <summary>Shaped like Rasan's <c>MessageReceiptResponse</c>.</summary>
internal sealed class BareReceipt
{
    public required string Id { get; init; }

    public required string To { get; init; }

    public required string Status { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BareSendRequest))]
[JsonSerializable(typeof(BareSendResponse))]
internal sealed partial class BareJsonContext : JsonSerializerContext
{
}

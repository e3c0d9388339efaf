using Rasan.Auditing;

namespace Rasan.AspNetCore.Contracts;

/// <summary>One call of the API-call log.</summary>
internal sealed class ApiCallResponse
{
    /// <summary>Its id.</summary>
    public required string Id { get; init; }

    /// <summary>When it came.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The route template, such as "/api/v1/messages/{id}".</summary>
    public required string Route { get; init; }

    /// <summary>The HTTP status answered.</summary>
    public required int Status { get; init; }

    /// <summary>How long it took, in milliseconds.</summary>
    public required double DurationMs { get; init; }

    /// <summary>The visible prefix of the token used.</summary>
    public string? TokenPrefix { get; init; }

    /// <summary>The client's IP address.</summary>
    public string? ClientIp { get; init; }

    /// <summary>The request's trace identifier.</summary>
    public string? RequestId { get; init; }

    public static ApiCallResponse From(ApiCall call) => new()
    {
        Id = call.Id.ToString(),
        At = call.At,
        Method = call.Method,
        Route = call.Route,
        Status = call.Status,
        DurationMs = Math.Round(call.DurationMs, 3),
        TokenPrefix = call.TokenPrefix,
        ClientIp = call.ClientIp,
        RequestId = call.RequestId,
    };
}

namespace Rasan.Auditing;

/// <summary>One call to the Rasan HTTP API, as the API-call log keeps it: never a body, a query string or a token.</summary>
public sealed record ApiCall
{
    /// <summary>Its id; time-ordered.</summary>
    public required Guid Id { get; init; }

    /// <summary>When the call came.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The route template, such as <c>/api/v1/messages/{id}</c>: never the raw path.</summary>
    public required string Route { get; init; }

    /// <summary>The HTTP status answered.</summary>
    public required int Status { get; init; }

    /// <summary>How long the call took, in milliseconds.</summary>
    public required double DurationMs { get; init; }

    /// <summary>The calling service, when the caller's token was valid.</summary>
    public ServiceId? ServiceId { get; init; }

    /// <summary>The visible prefix of the caller's token, when it was valid.</summary>
    public string? TokenPrefix { get; init; }

    /// <summary>The client's IP address, as the server saw it.</summary>
    public string? ClientIp { get; init; }

    /// <summary>The request's trace identifier, to find it in logs and traces.</summary>
    public string? RequestId { get; init; }
}

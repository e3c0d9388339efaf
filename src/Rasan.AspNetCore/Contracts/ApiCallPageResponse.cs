namespace Rasan.AspNetCore.Contracts;

/// <summary>A page of the service's API calls, newest first.</summary>
internal sealed class ApiCallPageResponse
{
    /// <summary>The calls.</summary>
    public required IReadOnlyList<ApiCallResponse> Items { get; init; }

    /// <summary>The cursor of the next page, or null on the last one.</summary>
    public string? Next { get; init; }
}

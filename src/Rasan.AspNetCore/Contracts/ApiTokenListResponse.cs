namespace Rasan.AspNetCore.Contracts;

/// <summary>A service's API tokens, newest first.</summary>
internal sealed class ApiTokenListResponse
{
    /// <summary>The tokens, revoked and expired ones included.</summary>
    public required IReadOnlyList<ApiTokenResponse> Items { get; init; }
}

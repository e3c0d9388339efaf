namespace Rasan.AspNetCore.Contracts;

/// <summary>A newly issued API token with its secret, which is shown this once and never again.</summary>
internal sealed class IssuedApiTokenResponse
{
    /// <summary>The token.</summary>
    public required ApiTokenResponse Token { get; init; }

    /// <summary>The secret, for <c>Authorization: Bearer</c>; Rasan keeps only its hash.</summary>
    public required string Secret { get; init; }
}

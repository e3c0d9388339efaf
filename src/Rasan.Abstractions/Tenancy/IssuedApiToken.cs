namespace Rasan;

/// <summary>A newly issued token and its secret, which is shown this once.</summary>
/// <param name="Token">The stored token.</param>
/// <param name="Secret">The secret to hand to the client.</param>
public sealed record IssuedApiToken(ApiToken Token, string Secret);

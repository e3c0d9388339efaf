namespace Rasan.Providers;

/// <summary>What a provider says about an account.</summary>
/// <param name="Balance">The remaining credit, in the provider's unit.</param>
/// <param name="Currency">The unit of <paramref name="Balance"/>, such as <c>IRR</c>.</param>
/// <param name="ExpiresAt">When the account expires, if it does.</param>
public sealed record AccountInfo(decimal? Balance, string? Currency, DateTimeOffset? ExpiresAt);

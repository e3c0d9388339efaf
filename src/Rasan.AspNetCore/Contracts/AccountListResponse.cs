namespace Rasan.AspNetCore.Contracts;

/// <summary>The hub's provider accounts, by name.</summary>
internal sealed class AccountListResponse
{
    /// <summary>The accounts.</summary>
    public required IReadOnlyList<AccountResponse> Items { get; init; }
}

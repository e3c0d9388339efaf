namespace Rasan.Host;

/// <summary>The accounts of the <c>Rasan:Accounts</c> section, by name.</summary>
/// <param name="Accounts">The entries.</param>
internal sealed record ConfiguredAccounts(IReadOnlyDictionary<string, HostAccountOptions> Accounts);

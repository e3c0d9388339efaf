namespace Rasan.Providers;

/// <summary>One field of a provider account, for validation and for the panel's form.</summary>
/// <param name="Name">The key in <see cref="ProviderAccount.Settings"/>.</param>
/// <param name="DisplayName">A name for people.</param>
/// <param name="Required">Whether an account must have it.</param>
/// <param name="Secret">Whether it is a credential: encrypted at rest, never shown after saving, never logged.</param>
public sealed record ProviderField(string Name, string DisplayName, bool Required = false, bool Secret = false);

namespace Rasan.Providers;

/// <summary>The account a provider call is made for.</summary>
/// <param name="Account">The account, its settings and (decrypted) credentials included.</param>
public sealed record ProviderContext(ProviderAccount Account)
{
    /// <summary>
    /// The hub's signed address for delivery callbacks about one message of this account (a provider appends its own
    /// query parameters with <c>&amp;</c>), or <see langword="null"/> when the hub has no callback address configured.
    /// </summary>
    public Func<MessageId, Uri>? CallbackUrl { get; init; }

    /// <summary>Gets a setting of the account.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetSetting(string name) => Account.Settings.TryGetValue(name, out var value) ? value : null;
}

using Rasan.Providers;

namespace Rasan.AspNetCore.Contracts;

/// <summary>
/// A provider account as the API shows it: a secret field (the provider marks which) only as a masked hint, never its
/// value; every field of an account whose provider this hub lacks is masked.
/// </summary>
internal sealed class AccountResponse
{
    private const string Mask = "••••";

    /// <summary>The account id.</summary>
    public required string Id { get; init; }

    /// <summary>Its unique name.</summary>
    public required string Name { get; init; }

    /// <summary>The provider type.</summary>
    public required string Provider { get; init; }

    /// <summary>The channel it sends on.</summary>
    public required string Channel { get; init; }

    /// <summary>The sender line or name, if any.</summary>
    public string? Sender { get; init; }

    /// <summary>Whether it sends.</summary>
    public required bool Enabled { get; init; }

    /// <summary>The most messages a second through it; 0 for no limit.</summary>
    public required double RateLimitPerSecond { get; init; }

    /// <summary>Its settings; secrets masked, such as "••••c0e9".</summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }

    /// <summary>When it was added.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public static AccountResponse From(ProviderAccount account, ProviderDescriptor? descriptor) => new()
    {
        Id = account.Id.ToString(),
        Name = account.Name,
        Provider = account.ProviderType,
        Channel = account.Channel.Name,
        Sender = account.Sender,
        Enabled = account.Enabled,
        RateLimitPerSecond = account.RateLimitPerSecond,
        Settings = account.Settings.ToDictionary(
            s => s.Key,
            s => descriptor?.Fields.FirstOrDefault(f => f.Name == s.Key) is { Secret: false } ? s.Value : Masked(s.Value),
            StringComparer.Ordinal),
        CreatedAt = account.CreatedAt,
    };

    /// <summary>A hint that tells two keys apart without revealing one: its last 4 characters when it is long enough.</summary>
    private static string Masked(string value)
        => value.Length >= 16 && !value.TrimEnd().EndsWith('-') ? Mask + value[^4..] : Mask;
}

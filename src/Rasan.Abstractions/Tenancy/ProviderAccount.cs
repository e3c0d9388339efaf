namespace Rasan;

/// <summary>An account at a provider (a line at Kavenegar, a Kannel SMSC, ...): data managed at run time.</summary>
public sealed record ProviderAccount
{
    /// <summary>The id.</summary>
    public required AccountId Id { get; init; }

    /// <summary>The unique name services use to pick it, such as <c>dev</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The provider type that sends through it (<see cref="Providers.ProviderDescriptor.Type"/>).</summary>
    public required string ProviderType { get; init; }

    /// <summary>The channel it sends on.</summary>
    public required Channel Channel { get; init; }

    /// <summary>The sender line or address, if the provider needs one.</summary>
    public string? Sender { get; init; }

    /// <summary>A disabled account is never used.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The most messages per second Rasan hands to it; 0 means no limit.</summary>
    public double RateLimitPerSecond { get; init; }

    /// <summary>The account's settings and credentials, as the provider's descriptor names them.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}

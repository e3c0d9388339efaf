namespace Rasan.Providers;

/// <summary>Describes a provider type: what it is called, its channel and the account fields it needs.</summary>
public sealed record ProviderDescriptor
{
    /// <summary>The type name stored on accounts, such as <c>kavenegar</c>; lower case.</summary>
    public required string Type { get; init; }

    /// <summary>A name for people.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The channel it sends on.</summary>
    public required Channel Channel { get; init; }

    /// <summary>The most messages one <see cref="IMessageProvider.SendAsync"/> call takes; at least 1.</summary>
    public int MaxBatchSize { get; init; } = 1;

    /// <summary>The fields an account of this type has (credentials and settings).</summary>
    public IReadOnlyList<ProviderField> Fields { get; init; } = [];

    /// <summary>The per-message options a sender may set for this provider (<c>providerOptions</c> in the send API).</summary>
    public IReadOnlyList<ProviderOption> Options { get; init; } = [];
}

namespace Rasan;

/// <summary>A tenant: an application that sends through the hub with its own tokens and accounts ("service" in the API).</summary>
public sealed record ClientService
{
    /// <summary>The id.</summary>
    public required ServiceId Id { get; init; }

    /// <summary>The unique name, such as <c>default</c>.</summary>
    public required string Name { get; init; }

    /// <summary>A disabled service cannot send or read.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}

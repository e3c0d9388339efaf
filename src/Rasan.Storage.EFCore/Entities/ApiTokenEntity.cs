namespace Rasan.Storage.EFCore.Entities;

/// <summary>A row of <c>api_tokens</c>: a service's token, stored by the hash of its secret.</summary>
internal sealed class ApiTokenEntity
{
    public Guid Id { get; set; }

    public Guid ServiceId { get; set; }

    public string Name { get; set; } = "";

    public string Prefix { get; set; } = "";

    public byte[] Hash { get; set; } = [];

    public int Scopes { get; set; }

    public long CreatedAt { get; set; }

    public long? ExpiresAt { get; set; }

    public long? RevokedAt { get; set; }

    /// <summary>When it last authenticated a request (ticks), as recorded.</summary>
    public long? LastUsedAt { get; set; }
}

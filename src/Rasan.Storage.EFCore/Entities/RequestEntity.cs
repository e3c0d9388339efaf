namespace Rasan.Storage.EFCore.Entities;

/// <summary>A row of <c>requests</c>: one accepted send request.</summary>
internal sealed class RequestEntity
{
    public Guid Id { get; set; }

    public Guid ServiceId { get; set; }

    /// <summary>UTC ticks.</summary>
    public long CreatedAt { get; set; }

    public string? IdempotencyKey { get; set; }

    public byte[]? Fingerprint { get; set; }

    public List<MessageEntity> Messages { get; set; } = [];
}

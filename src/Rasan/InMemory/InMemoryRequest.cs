using Rasan.Storage;

namespace Rasan.InMemory;

/// <summary>A request held by <see cref="InMemoryMessageStore"/>, with its messages in request order.</summary>
internal sealed class InMemoryRequest(NewRequest request, IReadOnlyList<InMemoryMessage> messages)
{
    public RequestId Id { get; } = request.Id;

    public ServiceId ServiceId { get; } = request.ServiceId;

    public DateTimeOffset CreatedAt { get; } = request.CreatedAt;

    public string? IdempotencyKey { get; } = request.IdempotencyKey;

    public byte[]? Fingerprint { get; } = request.Fingerprint?.ToArray();

    public IReadOnlyList<InMemoryMessage> Messages { get; } = messages;

    public StoredRequest ToStored()
        => new(Id, Fingerprint?.ToArray(), [.. Messages.Select(m => m.ToAcceptedReceipt())]);
}

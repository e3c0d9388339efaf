namespace Rasan.Providers.FanapPlus.Json;

/// <summary>
/// One element of <c>Messages</c>: its target, signature, <c>ReplyTo</c> and <c>DeliveryDeadline</c>, and in the single
/// shape every other field too.
/// </summary>
internal sealed class FanapPlusRequestMessage
{
    public string? Sid { get; init; }

    public string? AccountId { get; init; }

    public string? UserPhoneNumber { get; init; }

    public string? Content { get; init; }

    public string? MessageType { get; init; }

    public string? ChannelType { get; init; }

    public string? Priority { get; init; }

    public string? ExpirationTime { get; init; }

    public string? ReplyTo { get; init; }

    public string? DeliveryDeadline { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public required string Signature { get; init; }
}

namespace Rasan.Providers;

/// <summary>What a provider said about the delivery of one message.</summary>
public sealed record DeliveryReport
{
    /// <summary>The Rasan message id, when the provider echoes it (callbacks carry it).</summary>
    public MessageId? MessageId { get; init; }

    /// <summary>The provider's id for the message, when the report is keyed by it.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The mapped state.</summary>
    public required DeliveryState State { get; init; }

    /// <summary>The provider's own status code or name, kept in the history.</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>When the provider says it happened.</summary>
    public required DateTimeOffset At { get; init; }
}

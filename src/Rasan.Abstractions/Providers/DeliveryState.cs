namespace Rasan.Providers;

/// <summary>A delivery state a provider reports, mapped from its own codes.</summary>
public enum DeliveryState
{
    /// <summary>Still on its way (queued at the provider, sent to the operator, buffered): no status change.</summary>
    Pending = 0,

    /// <summary>Delivered to the handset or app.</summary>
    Delivered = 1,

    /// <summary>Will not be delivered.</summary>
    Failed = 2,

    /// <summary>The operator gave up when the message's validity ended.</summary>
    Expired = 3,
}

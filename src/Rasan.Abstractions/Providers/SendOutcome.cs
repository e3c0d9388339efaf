namespace Rasan.Providers;

/// <summary>A provider's answer for one message.</summary>
public sealed record SendOutcome
{
    private SendOutcome(SendOutcomeKind kind) => Kind = kind;

    /// <summary>What kind of answer.</summary>
    public SendOutcomeKind Kind { get; }

    /// <summary>The provider's id for the message, when accepted.</summary>
    public string? ProviderMessageId { get; private init; }

    /// <summary>What the provider charged, in its currency, when it says.</summary>
    public decimal? Cost { get; private init; }

    /// <summary>The provider's error code.</summary>
    public string? Code { get; private init; }

    /// <summary>The provider's error text.</summary>
    public string? Text { get; private init; }

    /// <summary>The least wait before a retry the provider asked for (HTTP Retry-After).</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>
    /// The delivery state the provider already knew when it answered (a synchronous delivery outcome), or
    /// <see langword="null"/> when the outcome comes later, by poll or callback. Only on <see cref="SendOutcomeKind.Accepted"/>.
    /// </summary>
    public DeliveryState? Delivery { get; private init; }

    /// <summary>The provider's own name for <see cref="Delivery"/>, kept with the message's events.</summary>
    public string? DeliveryStatus { get; private init; }

    /// <summary>The provider took the message.</summary>
    /// <param name="providerMessageId">The provider's id for it.</param>
    /// <param name="cost">What it cost.</param>
    /// <returns>The outcome.</returns>
    public static SendOutcome Accepted(string? providerMessageId = null, decimal? cost = null)
        => new(SendOutcomeKind.Accepted) { ProviderMessageId = providerMessageId, Cost = cost };

    /// <summary>The provider did not take the message this time.</summary>
    /// <param name="code">The provider's code.</param>
    /// <param name="text">The provider's text.</param>
    /// <param name="retryAfter">The wait the provider asked for.</param>
    /// <returns>The outcome.</returns>
    public static SendOutcome Transient(string code, string? text = null, TimeSpan? retryAfter = null)
        => new(SendOutcomeKind.Transient) { Code = code, Text = text, RetryAfter = retryAfter };

    /// <summary>The provider refused the message for good.</summary>
    /// <param name="code">The provider's code.</param>
    /// <param name="text">The provider's text.</param>
    /// <returns>The outcome.</returns>
    public static SendOutcome Permanent(string code, string? text = null)
        => new(SendOutcomeKind.Permanent) { Code = code, Text = text };

    /// <summary>Adds the delivery state the provider reported in the same answer.</summary>
    /// <param name="state">The state.</param>
    /// <param name="providerStatus">The provider's name for it.</param>
    /// <returns>A copy of this accepted outcome with <see cref="Delivery"/> set.</returns>
    /// <exception cref="InvalidOperationException">This outcome is not <see cref="SendOutcomeKind.Accepted"/>.</exception>
    public SendOutcome WithDelivery(DeliveryState state, string? providerStatus = null)
    {
        if (Kind != SendOutcomeKind.Accepted)
        {
            throw new InvalidOperationException("Only an accepted message has a delivery state.");
        }

        return new SendOutcome(Kind)
        {
            ProviderMessageId = ProviderMessageId, Cost = Cost, Delivery = state, DeliveryStatus = providerStatus,
        };
    }
}

namespace Rasan.Providers;

/// <summary>A provider capability: asking the provider for the delivery state of sent messages.</summary>
public interface IDeliveryStatusPoller
{
    /// <summary>The most messages one <see cref="PollAsync"/> call takes.</summary>
    int MaxPollBatchSize { get; }

    /// <summary>How long after a message is sent its first poll is worth making.</summary>
    TimeSpan FirstPollDelay { get; }

    /// <summary>Asks for the delivery state of messages sent through one account.</summary>
    /// <param name="context">The account.</param>
    /// <param name="messages">The messages, at most <see cref="MaxPollBatchSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Reports for the messages the provider knows about; messages it does not mention are unchanged.</returns>
    Task<IReadOnlyList<DeliveryReport>> PollAsync(
        ProviderContext context, IReadOnlyList<SentMessage> messages, CancellationToken cancellationToken);
}

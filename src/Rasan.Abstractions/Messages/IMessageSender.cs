namespace Rasan;

/// <summary>Sends messages on behalf of a client service. The entry point for applications that embed Rasan.</summary>
public interface IMessageSender
{
    /// <summary>Validates, expands and durably stores a request. Returns only after the commit.</summary>
    /// <param name="service">The service sending.</param>
    /// <param name="request">What to send.</param>
    /// <param name="cancellationToken">Cancels the wait; the request may still have been stored.</param>
    /// <returns>The receipt: every id in it is stored.</returns>
    /// <exception cref="SendValidationException">The request is invalid; nothing was stored.</exception>
    /// <exception cref="IdempotencyConflictException">The idempotency key is in use by another body or by a request still being accepted.</exception>
    Task<SendReceipt> SendAsync(ServiceId service, SendRequest request, CancellationToken cancellationToken = default);

    /// <summary>Cancels a message that has not been handed to its provider yet.</summary>
    /// <param name="service">The service that sent it.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened.</returns>
    Task<CancelResult> CancelAsync(ServiceId service, MessageId id, CancellationToken cancellationToken = default);
}

namespace Rasan;

/// <summary>Reads the status and history of messages a service sent.</summary>
public interface IMessageTracker
{
    /// <summary>Gets one message with its history.</summary>
    /// <param name="service">The service that sent it; another service's message is not found.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken = default);

    /// <summary>Gets a request and the current status of its messages.</summary>
    /// <param name="service">The service that sent it.</param>
    /// <param name="id">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request, or <see langword="null"/>.</returns>
    Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken = default);

    /// <summary>Searches a service's messages, newest first, one page at a time.</summary>
    /// <param name="service">The service.</param>
    /// <param name="query">The filters and page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until every given message has a first outcome (<see cref="MessageStatusExtensions.HasOutcome"/>) or the
    /// timeout passes, then returns their current statuses.
    /// </summary>
    /// <param name="service">The service that sent them.</param>
    /// <param name="ids">The messages.</param>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The current status of each message found, in the order given.</returns>
    Task<IReadOnlyList<MessageReceipt>> WaitForOutcomeAsync(
        ServiceId service, IReadOnlyList<MessageId> ids, TimeSpan timeout, CancellationToken cancellationToken = default);
}

using Rasan.Providers;

namespace Rasan.Storage;

/// <summary>
/// Stores requests, messages and their histories. Implementations: in-memory (tests and demos), SQLite and
/// PostgreSQL; one conformance suite checks them all.
/// </summary>
public interface IMessageStore
{
    /// <summary>
    /// Stores several requests in one transaction (a group commit). Each request is stored whole or, when its
    /// service already has a request with its idempotency key, not at all. Returns after the commit.
    /// </summary>
    /// <param name="requests">The requests.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per request, in the same order.</returns>
    Task<IReadOnlyList<AcceptResult>> AcceptAsync(IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken);

    /// <summary>Finds a service's request by its idempotency key.</summary>
    /// <param name="service">The service.</param>
    /// <param name="idempotencyKey">The client's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request with the statuses its messages were accepted with, or <see langword="null"/>.</returns>
    Task<StoredRequest?> FindRequestAsync(ServiceId service, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Leases due messages (Queued or Scheduled with a due time passed, or Sending with an ended lease), highest
    /// priority first, then earliest due. Each claim sets Sending and increases the lease version. Two concurrent
    /// claims never return the same message.
    /// </summary>
    /// <param name="options">Who claims, when, for how long and how many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed messages, at most <see cref="ClaimOptions.Limit"/>.</returns>
    Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(ClaimOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Applies dispatcher status writes, each only if its owner still holds the lease at its version, each with
    /// its history entry, in one transaction.
    /// </summary>
    /// <param name="transitions">The writes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many applied; fenced-off writes change nothing.</returns>
    Task<int> CompleteAsync(IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken);

    /// <summary>Gives back every lease <paramref name="owner"/> holds (graceful shutdown): those messages are due again now.</summary>
    /// <param name="owner">The lease owner.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many leases were released.</returns>
    Task<int> ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Lists Sent messages whose next delivery-status poll is due, oldest poll first.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="limit">The most to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The candidates.</returns>
    Task<IReadOnlyList<PollCandidate>> GetDueForPollingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Sets when to poll Sent messages next; <see langword="null"/> stops polling them.</summary>
    /// <param name="ids">The messages.</param>
    /// <param name="nextPollAt">The next poll time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task ReschedulePollAsync(IReadOnlyList<MessageId> ids, DateTimeOffset? nextPollAt, CancellationToken cancellationToken);

    /// <summary>
    /// Applies delivery reports. A final state (Delivered, Failed, Expired) moves a Sent message to that status; a
    /// pending state only adds a history entry. Each distinct provider state is recorded once; a final status is
    /// never overwritten.
    /// </summary>
    /// <param name="updates">The reports.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened.</returns>
    Task<DeliveryApplyResult> ApplyDeliveryReportsAsync(IReadOnlyList<DeliveryUpdate> updates, CancellationToken cancellationToken);

    /// <summary>Cancels a Queued or Scheduled message.</summary>
    /// <param name="service">The service that sent it.</param>
    /// <param name="id">The message.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened.</returns>
    Task<CancelResult> CancelAsync(ServiceId service, MessageId id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gets one message of a service with its history.</summary>
    /// <param name="service">The service.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    Task<MessageInfo?> GetMessageAsync(ServiceId service, MessageId id, CancellationToken cancellationToken);

    /// <summary>Gets a request of a service with its messages (without histories).</summary>
    /// <param name="service">The service.</param>
    /// <param name="id">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request, or <see langword="null"/>.</returns>
    Task<RequestInfo?> GetRequestAsync(ServiceId service, RequestId id, CancellationToken cancellationToken);

    /// <summary>Searches a service's messages newest first (by id), with keyset paging.</summary>
    /// <param name="service">The service.</param>
    /// <param name="query">The filters, with <see cref="MessageQuery.To"/> already normalised.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<MessagePage> SearchAsync(ServiceId service, MessageQuery query, CancellationToken cancellationToken);

    /// <summary>Gets the current status of some of a service's messages.</summary>
    /// <param name="service">The service.</param>
    /// <param name="ids">The messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages found, in the order given.</returns>
    Task<IReadOnlyList<MessageReceipt>> GetStatusesAsync(
        ServiceId service, IReadOnlyList<MessageId> ids, CancellationToken cancellationToken);
}

using System.Data.Common;

namespace Rasan.Storage.EFCore;

/// <summary>
/// The hot SQL that differs between databases: the inserts of accepted requests, the claim and the status writes. Each database
/// package implements it; everything else is provider-neutral EF Core.
/// </summary>
internal interface IRasanSqlDialect
{
    /// <summary>Prepares the inserts of accepted requests on an open connection the store keeps for accepting.</summary>
    IRequestInserter CreateInserter(DbConnection connection);

    /// <summary>Leases due messages in one statement and returns them; owns its transaction.</summary>
    Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(RasanDbContext context, ClaimOptions options, CancellationToken cancellationToken);

    /// <summary>Applies fenced dispatcher transitions and their history rows in the open transaction.</summary>
    /// <returns>How many applied.</returns>
    Task<int> CompleteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<MessageTransition> transitions, CancellationToken cancellationToken);

    /// <summary>How ids are bound as parameters: TEXT on SQLite, uuid on PostgreSQL.</summary>
    System.Data.DbType IdType { get; }

    /// <summary>Whether the database lets one writer at a time (SQLite): then bulk writers queue in <see cref="StoreWriteGate"/>.</summary>
    bool HasSingleWriter { get; }

    /// <summary>Inserts plain rows (the API-call and audit logs) in the caller's open transaction.</summary>
    Task InsertRowsAsync(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken);

    /// <summary>An id as a parameter value of <see cref="IdType"/>.</summary>
    object IdValue(Guid id);

    /// <summary>
    /// Tells whether an insert failed because another transaction stored the same service and idempotency key first
    /// (the unique index on requests), not for any other constraint.
    /// </summary>
    bool IsIdempotencyKeyTaken(DbException exception);
}

using System.Data.Common;

namespace Rasan.Storage.EFCore;

/// <summary>
/// Inserts accepted requests and their messages on one connection, with whatever the database prepares once and
/// reuses for every group commit. Used by one transaction at a time; disposed before its connection closes.
/// </summary>
internal interface IRequestInserter : IDisposable
{
    /// <summary>Inserts requests (already checked for idempotency) and their messages in the open transaction.</summary>
    Task InsertAsync(DbTransaction transaction, IReadOnlyList<NewRequest> requests, CancellationToken cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rasan.Storage.EFCore;

/// <summary>
/// Appends log rows (API calls, audit entries) in one transaction with the dialect's plain inserts: these logs grow
/// with every API call, and EF Core's change tracking would cost more than the rows themselves and hold the database's
/// write lock (SQLite has one) long enough to stall accepting messages.
/// </summary>
internal static class LogRowWriter
{
    public static async Task InsertAsync(
        RasanDbContext db,
        IRasanSqlDialect dialect,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await dialect.InsertRowsAsync(
                db.Database.GetDbConnection(), transaction.GetDbTransaction(), table, columns, rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rasan.Storage.EFCore;

/// <summary>
/// Appends log rows (API calls, audit entries) with plain multi-row <c>INSERT</c> statements in one transaction: these
/// logs grow with every API call, and EF Core's change tracking would cost more than the rows themselves and hold the
/// database's write lock (SQLite has one) long enough to stall accepting messages.
/// </summary>
internal static class LogRowWriter
{
    /// <summary>Rows per statement: well under every database's parameter limit.</summary>
    private const int RowsPerStatement = 100;

    public static async Task InsertAsync(
        RasanDbContext db, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction.GetDbTransaction();
                var values = new List<string>(count);
                for (var r = 0; r < count; r++)
                {
                    var names = new string[columns.Count];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = names[c] = $"@p{r}_{c}";
                        parameter.Value = rows[start + r][c] ?? DBNull.Value;
                        command.Parameters.Add(parameter);
                    }

                    values.Add($"({string.Join(", ", names)})");
                }

                command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)}";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

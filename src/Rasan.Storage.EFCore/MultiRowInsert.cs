using System.Data.Common;

namespace Rasan.Storage.EFCore;

/// <summary>
/// Inserts rows with multi-row <c>INSERT … VALUES (…), (…)</c> statements of <see cref="RowsPerStatement"/> rows, one
/// prepared statement reused for every full chunk: few round trips on a database across a network.
/// </summary>
internal static class MultiRowInsert
{
    /// <summary>Rows per statement: well under every database's parameter limit.</summary>
    public const int RowsPerStatement = 50;

    public static async Task InsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken)
    {
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                var partial = count < RowsPerStatement;
                var command = partial ? Create(connection, transaction, table, columns, count) : full ??= Create(connection, transaction, table, columns, count);
                try
                {
                    for (var r = 0; r < count; r++)
                    {
                        for (var c = 0; c < columns.Count; c++)
                        {
                            command.Parameters[(r * columns.Count) + c].Value = rows[start + r][c] ?? DBNull.Value;
                        }
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                finally
                {
                    if (partial)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private static DbCommand Create(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new string[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[c] = $"@p{r}_{c}";
                command.Parameters.Add(parameter);
            }

            values.Add($"({string.Join(", ", names)})");
        }

        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)}";
        return command;
    }
}

using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rasan.Storage.EFCore.Sqlite;

/// <summary>
/// Inserts log rows through one SQLite prepared statement, bound by position and stepped once per row, as
/// <see cref="SqliteRequestInserter"/> does for messages: SQLite runs in process, so a row costs a few microseconds
/// this way and several times more through Microsoft.Data.Sqlite's named parameters.
/// </summary>
internal static class SqliteRowInserter
{
    public static void Insert(SqliteConnection connection, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var placeholders = string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => $"?{i}"));
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({placeholders})";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    Check(db, row[c] switch
                    {
                        null => raw.sqlite3_bind_null(statement, c + 1),
                        string text => raw.sqlite3_bind_text16(statement, c + 1, text.AsSpan()),
                        long number => raw.sqlite3_bind_int64(statement, c + 1, number),
                        int number => raw.sqlite3_bind_int(statement, c + 1, number),
                        double number => raw.sqlite3_bind_double(statement, c + 1, number),
                        var other => throw new ArgumentException($"A log column cannot hold a {other.GetType().Name}.", nameof(rows)),
                    });
                }

                try
                {
                    Check(db, raw.sqlite3_step(statement));
                }
                finally
                {
                    raw.sqlite3_reset(statement);
                }
            }
        }
    }

    private static void Check(sqlite3 db, int rc) => SqliteException.ThrowExceptionForRC(rc, db);
}

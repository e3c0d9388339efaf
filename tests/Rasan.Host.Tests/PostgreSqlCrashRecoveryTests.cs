using Npgsql;
using Rasan.Testing;

namespace Rasan.Host.Tests;

public sealed class PostgreSqlCrashRecoveryTests : CrashRecoveryTests
{
    protected override async Task<IReadOnlyDictionary<string, string>> CreateDatabaseAsync()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        var name = $"rasan_crash_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresServer.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = name };
        return new Dictionary<string, string>
        {
            ["Rasan__Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__Rasan"] = database.ConnectionString,
        };
    }
}

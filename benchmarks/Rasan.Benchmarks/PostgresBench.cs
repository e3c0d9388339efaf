using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Rasan.Benchmarks;

/// <summary>The PostgreSQL variant of <see cref="BenchStore"/>: a fresh database on the given server, dropped at the end.</summary>
internal static class PostgresBench
{
    public static async Task<BenchStore> CreateAsync(string serverConnectionString, Action<RasanOptions>? configure, bool timed)
    {
        var name = "rasan_bench_" + Guid.NewGuid().ToString("N");
        await using (var server = new NpgsqlConnection(serverConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", server);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
        return await BenchStore.CreateAsync(
            b => b.AddPostgreSqlStores(connectionString),
            configure,
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var server = new NpgsqlConnection(serverConnectionString);
                await server.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            },
            timed);
    }

    /// <summary>The server's durability settings, for the report.</summary>
    public static async Task<string> DescribeAsync(string serverConnectionString)
    {
        await using var server = new NpgsqlConnection(serverConnectionString);
        await server.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select string_agg(name || '=' || setting, ', ' order by name) from pg_settings "
            + "where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method')",
            server);
        return (string?)await command.ExecuteScalarAsync() ?? "?";
    }
}

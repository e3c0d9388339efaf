using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rasan.Auditing;
using Rasan.Storage;
using Rasan.Storage.EFCore;
using Rasan.Testing;
using Xunit;

namespace Rasan.Storage.EFCore.PostgreSql.Tests;

/// <summary>A fresh, migrated database on the test server with the Rasan stores over it; dropped at the end.</summary>
public sealed class PostgreSqlTestDatabase : IAsyncLifetime
{
    private readonly string _name = "rasan_test_" + Guid.NewGuid().ToString("N");
    private ServiceProvider? _provider;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = _name }.ToString();

    public IServiceProvider Services => _provider!;

    /// <summary>Creates the database; does nothing when no server is available (the tests then skip or fail).</summary>
    public async ValueTask InitializeAsync() => await CreateAsync(migrate: true);

    public async Task CreateAsync(bool migrate)
    {
        if (!PostgresServer.IsAvailable || _provider is not null)
        {
            return;
        }

        await using (var server = new NpgsqlConnection(PostgresServer.ConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", server);
            await create.ExecuteNonQueryAsync();
        }

        var services = new ServiceCollection();
        services.AddRasan().AddPostgreSqlStores(ConnectionString);
        _provider = services.BuildServiceProvider();
        if (migrate)
        {
            await using var db = await CreateContextAsync();
            await db.Database.MigrateAsync();
        }
    }

    public Task<RasanDbContext> CreateContextAsync()
        => Services.GetRequiredService<IDbContextFactory<RasanDbContext>>().CreateDbContextAsync();

    /// <summary>Empties every table and returns the stores.</summary>
    public async Task<StoreSet> ResetAsync()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        await using var db = await CreateContextAsync();
        await db.Database.ExecuteSqlRawAsync(
            "TRUNCATE audit_entries, api_calls, message_events, messages, requests, api_tokens, services, accounts", TestContext.Current.CancellationToken);
        return new StoreSet(
            Services.GetRequiredService<IMessageStore>(), Services.GetRequiredService<ITenancyStore>(), Services.GetRequiredService<IApiCallStore>(),
            Services.GetRequiredService<IAuditStore>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is null)
        {
            return;
        }

        await _provider.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(PostgresServer.ConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}

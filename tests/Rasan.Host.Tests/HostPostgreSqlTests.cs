using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rasan.Storage;
using Rasan.Testing;
using Xunit;

namespace Rasan.Host.Tests;

public sealed class HostPostgreSqlTests
{
    private const string Token = "host-pg-token-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_PostgreSqlTwoHostsAtOnce_BootstrapOnceAndSend()
    {
        PostgresServer.SkipOrFailUnlessAvailable();
        var connectionString = await CreateDatabaseAsync();
        using var unused = new TempDatabase();
        (string, string)[] settings = [("Rasan:Storage:Provider", "PostgreSql"), ("ConnectionStrings:Rasan", connectionString), ("Rasan:Bootstrap:ApiToken", Token)];
        await using var first = new HostFactory(unused.Path, settings);
        await using var second = new HostFactory(unused.Path, settings);

        await Task.WhenAll(Task.Run(() => first.Services, Ct), Task.Run(() => second.Services, Ct));

        Assert.Single(await first.Services.GetRequiredService<ITenancyStore>().ListAccountsAsync(Ct));
        using var client = first.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var sent = await client.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "09121234567" }, text = "pg" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.False(File.Exists(unused.Path));
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var name = "rasan_host_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(PostgresServer.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(Ct);
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = name }.ToString();
    }
}

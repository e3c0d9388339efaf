using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Storage;
using Xunit;

namespace Rasan.Storage.EFCore.Sqlite.Tests;

/// <summary>Provider account settings are encrypted at rest with Rasan's key ring, which lives in the same database.</summary>
public sealed class AccountSecretsTests : IAsyncLifetime
{
    private const string ApiKey = "SECRET-7f3a9c1e5b2d4f6a8c0e";
    private const string PrivateKeyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";

    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AddAccount_Secrets_AppearNowhereInTheDatabaseFilesButReadBack()
    {
        var account = Account();
        var tenancy = _database.Services.GetRequiredService<ITenancyStore>();

        await tenancy.AddAccountAsync(account, Ct);
        var stored = Assert.Single(await tenancy.ListAccountsAsync(Ct));
        await using (var db = await _database.CreateContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", Ct);
        }

        Assert.Equal(account.Settings, stored.Settings);
        var bytes = ReadDatabaseFiles();
        foreach (var secret in new[] { ApiKey, PrivateKeyBody, Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey)) })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }
    }

    [Fact]
    public async Task ListAccounts_AnotherHostOfTheSameDatabase_ReadsTheSettings()
    {
        var account = Account();
        await _database.Services.GetRequiredService<ITenancyStore>().AddAccountAsync(account, Ct);
        await using var otherHost = Host(o => { });

        var read = Assert.Single(await otherHost.GetRequiredService<ITenancyStore>().ListAccountsAsync(Ct));

        Assert.Equal(account.Settings, read.Settings);
    }

    [Fact]
    public async Task ListAccounts_HostWithAnotherKeyRing_FailsNamingTheAccountAndTheFix()
    {
        await _database.Services.GetRequiredService<ITenancyStore>().AddAccountAsync(Account(), Ct);
        await using var otherHost = Host(o => o.KeyRingApplicationName = "SomethingElse");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => otherHost.GetRequiredService<ITenancyStore>().ListAccountsAsync(Ct));

        Assert.Contains("'kavenegar-main'", error.Message, StringComparison.Ordinal);
        Assert.Contains("KeyRingApplicationName", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAccounts_SettingsStoredBeforeEncryption_AreReadAndEncryptedAtTheNextWrite()
    {
        var account = Account();
        var tenancy = _database.Services.GetRequiredService<ITenancyStore>();
        await tenancy.AddAccountAsync(account, Ct);
        await using (var db = await _database.CreateContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE accounts SET settings = {0}", ["{\"apiKey\":\"" + ApiKey + "\"}"], Ct);
        }

        var legacy = Assert.Single(await tenancy.ListAccountsAsync(Ct));
        await tenancy.UpdateAccountAsync(legacy, Ct);

        Assert.Equal(ApiKey, legacy.Settings["apiKey"]);
        await using var check = await _database.CreateContextAsync();
        var raw = await check.Database.SqlQueryRaw<string>("SELECT settings AS \"Value\" FROM accounts").SingleAsync(Ct);
        Assert.DoesNotContain(ApiKey, raw, StringComparison.Ordinal);
        Assert.Equal(ApiKey, Assert.Single(await tenancy.ListAccountsAsync(Ct)).Settings["apiKey"]);
    }

    private static ProviderAccount Account() => new()
    {
        Id = new AccountId(Guid.NewGuid()),
        Name = "kavenegar-main",
        ProviderType = "kavenegar",
        Channel = Channel.Sms,
        CreatedAt = DateTimeOffset.UnixEpoch,
        Settings = new Dictionary<string, string>
        {
            ["apiKey"] = ApiKey,
            ["privateKey"] = $"-----BEGIN PRIVATE KEY-----\n{PrivateKeyBody}\n-----END PRIVATE KEY-----",
        },
    };

    private ServiceProvider Host(Action<RasanStorageOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddRasan().AddSqliteStores(_database.ConnectionString, configure);
        return services.BuildServiceProvider();
    }

    private byte[] ReadDatabaseFiles()
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;
        using var all = new MemoryStream();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }
}

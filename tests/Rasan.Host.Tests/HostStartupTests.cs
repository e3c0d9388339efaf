using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Storage;
using Rasan.Testing;
using Xunit;

namespace Rasan.Host.Tests;

public sealed class HostStartupTests
{
    private const string Token = "host-test-token-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_EmptyDatabase_BootstrapsAndSendsWithTheConfiguredToken()
    {
        using var database = new TempDatabase();
        await using var factory = new HostFactory(database.Path, ("Rasan:Bootstrap:ApiToken", Token));
        using var client = CreateClient(factory, Token);

        using var health = await client.GetAsync("/health", Ct);
        using var sent = await client.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "09121234567" }, text = "hi" }, Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var store = factory.Services.GetRequiredService<ITenancyStore>();
        Assert.NotNull(await store.FindServiceAsync("default", Ct));
        var account = Assert.Single(await store.ListAccountsAsync(Ct));
        Assert.Equal(("dev", "development", Channel.Sms), (account.Name, account.ProviderType, account.Channel));
        Assert.DoesNotContain(Token, factory.Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_BootstrapToken_AdministersTheAccounts()
    {
        using var database = new TempDatabase();
        await using var factory = new HostFactory(database.Path, ("Rasan:Bootstrap:ApiToken", Token));
        using var client = CreateClient(factory, Token);

        using var accounts = await client.GetAsync("/api/v1/accounts", Ct);
        using var tokens = await client.GetAsync("/api/v1/tokens", Ct);

        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        Assert.Contains("\"dev\"", await accounts.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_TokenOverItsConfiguredRate_Answers429WithRetryAfter()
    {
        using var database = new TempDatabase();
        await using var factory = new HostFactory(
            database.Path, ("Rasan:Bootstrap:ApiToken", Token), ("Rasan:Api:TokenRequestsPerSecond", "1"), ("Rasan:Api:TokenBurst", "2"));
        using var client = CreateClient(factory, Token);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/api/v1/messages", Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
                break;
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.InRange(statuses.Count, 3, 4);
    }

    [Fact]
    public async Task Host_RestartedOnTheSameDatabase_BootstrapsOnce()
    {
        using var database = new TempDatabase();
        string printed;
        await using (var first = new HostFactory(database.Path))
        {
            _ = first.Services;
            printed = first.Console.ToString();
        }

        await using var second = new HostFactory(database.Path);
        _ = second.Services;

        var secret = Assert.Single(printed.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), w => w.StartsWith("rsn_", StringComparison.Ordinal));
        Assert.Equal("", second.Console.ToString());
        Assert.Single(await second.Services.GetRequiredService<ITenancyStore>().ListAccountsAsync(Ct));
        using var client = CreateClient(second, secret);
        using var response = await client.GetAsync("/api/v1/messages", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Host_TwoHostsStartAtOnce_CreateOneServiceAndOneAccount()
    {
        using var database = new TempDatabase();
        await using var first = new HostFactory(database.Path, ("Rasan:Bootstrap:ApiToken", Token));
        await using var second = new HostFactory(database.Path, ("Rasan:Bootstrap:ApiToken", Token));

        await Task.WhenAll(Task.Run(() => first.Services, Ct), Task.Run(() => second.Services, Ct));

        Assert.Single(await first.Services.GetRequiredService<ITenancyStore>().ListAccountsAsync(Ct));
        using var a = CreateClient(first, Token);
        using var b = CreateClient(second, Token);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/v1/messages", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/api/v1/messages", Ct)).StatusCode);
    }

    [Fact]
    public async Task Host_ConfiguredAccountAddedByAnotherHostFirst_StartsAndUsesTheirs()
    {
        using var database = new TempDatabase();
        ProviderAccount? theirs = null;
        await using var factory = new HostFactory(database.Path, ("Rasan:Accounts:a:Provider", "development"))
        {
            TestServices = services => services.DecorateSingleton<ITenancyStore, ControllableTenancyStore>(inner => new ControllableTenancyStore(inner)
            {
                // Another host starting at the same moment adds the same account between this host's read and its insert.
                BeforeAddAccount = async (store, account) =>
                {
                    theirs ??= account with { Id = new AccountId(Guid.NewGuid()) };
                    await store.AddAccountAsync(theirs, CancellationToken.None);
                },
            }),
        };

        var account = Assert.Single(await factory.Services.GetRequiredService<ITenancyStore>().ListAccountsAsync(Ct));

        Assert.Equal(theirs!.Id, account.Id);
    }

    [Fact]
    public async Task Host_EngineSettingUnderRasan_ReachesTheEngine()
    {
        using var database = new TempDatabase();
        await using var factory = new HostFactory(database.Path, ("Rasan:Bootstrap:ApiToken", Token), ("Rasan:MaxTextLength", "5"));
        using var client = CreateClient(factory, Token);

        using var response = await client.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "09121234567" }, text = "too long" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Theory]
    [InlineData("Rasan:Storage:Provider", "Mongo", "Rasan:Storage:Provider")]
    [InlineData("Rasan:Storage:Providr", "Sqlite", "Providr")]
    [InlineData("Rasan:Dispatchr:PollInterval", "00:00:01", "Dispatchr")]
    [InlineData("Rasan:Bootstrap:ApiTokn", "host-test-token-0123456789", "ApiTokn")]
    [InlineData("Rasan:Api:MaxBodySize", "1000", "MaxBodySize")]
    public async Task Host_BadConfigurationKey_FailsStartupNamingIt(string key, string value, string named)
    {
        using var database = new TempDatabase();
        await using var factory = new HostFactory(database.Path, (key, value));

        var exception = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(named, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_InMemoryStorage_AcceptsAndDeliversWithoutTouchingTheDatabaseFile()
    {
        using var database = new TempDatabase();
        await using var factory = new HostFactory(
            database.Path, ("Rasan:Storage:Provider", "InMemory"), ("Rasan:Bootstrap:ApiToken", Token), ("Rasan:Development:DeliveryDelay", "00:00:00"));
        using var client = CreateClient(factory, Token);

        using var sent = await client.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "09121234567" }, text = "hi", waitSeconds = 10 }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var message = JsonDocument.Parse(await sent.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("messages")[0];
        Assert.Contains(message.GetProperty("status").GetString(), (string[])["sent", "delivered"]);
        using var read = await client.GetAsync($"/api/v1/messages/{message.GetProperty("id").GetString()}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task Host_ConfiguredAccounts_AreCreatedThenUpdatedOnRestartWithoutTheDevelopmentAccount()
    {
        using var database = new TempDatabase();
        await using (var first = new HostFactory(database.Path, ("Rasan:Accounts:sms-main:Provider", "development"), ("Rasan:Accounts:sms-main:Sender", "3000")))
        {
            _ = first.Services;
        }

        await using var second = new HostFactory(
            database.Path, ("Rasan:Accounts:sms-main:Provider", "development"), ("Rasan:Accounts:sms-main:Sender", "3001"), ("Rasan:Accounts:sms-main:RateLimitPerSecond", "5"));
        var account = Assert.Single(await second.Services.GetRequiredService<ITenancyStore>().ListAccountsAsync(Ct));

        Assert.Equal(("sms-main", "development", "3001", 5.0), (account.Name, account.ProviderType, account.Sender, account.RateLimitPerSecond));
    }

    [Fact]
    public async Task Host_InvalidConfiguredAccounts_FailStartupNamingEachFieldAndStoreNothing()
    {
        using var database = new TempDatabase();
        await using var factory = new HostFactory(
            database.Path,
            ("Rasan:Accounts:good:Provider", "development"),
            ("Rasan:Accounts:push:Provider", "development"),
            ("Rasan:Accounts:push:Channel", "push"),
            ("Rasan:Accounts:unknown:Provider", "carrier-pigeon"),
            ("Rasan:Accounts:keyless:Provider", "kavenegar"),
            ("Rasan:Accounts:keyless:Sender", "10004346"),
            ("Rasan:Accounts:line:Provider", "kannel"),
            ("Rasan:Accounts:line:Settings:url", "not a url"),
            ("Rasan:Accounts:line:Settings:username", "rasan"),
            ("Rasan:Accounts:gh:Provider", "ghasedak"),
            ("Rasan:Accounts:gh:Sender", "RASAN"),
            ("Rasan:Accounts:gh:Settings:apiKey", "gh-secret-key-value"));

        var exception = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Rasan:Accounts:push:channel", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("Rasan:Accounts:unknown:providerType", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("Rasan:Accounts:keyless:apiKey", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("Rasan:Accounts:line:url", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("Rasan:Accounts:line:password", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("Rasan:Accounts:gh:sender", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("gh-secret-key-value", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Rasan:Accounts:good", exception.ToString(), StringComparison.Ordinal);
        await using var clean = new HostFactory(database.Path, ("Rasan:Accounts:other:Provider", "development"));
        Assert.Equal(["other"], (await clean.Services.GetRequiredService<ITenancyStore>().ListAccountsAsync(Ct)).Select(a => a.Name));
    }

    [Fact]
    public async Task Host_PostgreSqlWithoutConnectionString_FailsStartupNamingIt()
    {
        using var database = new TempDatabase();
        await using var factory = new HostFactory(database.Path, ("Rasan:Storage:Provider", "PostgreSql"), ("ConnectionStrings:Rasan", ""));

        var exception = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("ConnectionStrings:Rasan", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_OpenApiAndDocs_AreServedLocally()
    {
        using var database = new TempDatabase();
        await using var factory = new HostFactory(database.Path);
        using var client = factory.CreateClient();

        using var openApi = await client.GetAsync("/openapi/v1.json", Ct);
        using var docs = await client.GetAsync("/docs/", Ct);

        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.True(JsonDocument.Parse(await openApi.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("paths").TryGetProperty("/api/v1/messages", out _));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var html = await docs.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.OrdinalIgnoreCase);
    }

    private static HttpClient CreateClient(HostFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

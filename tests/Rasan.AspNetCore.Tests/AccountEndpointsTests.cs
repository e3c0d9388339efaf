using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Testing;
using Xunit;

namespace Rasan.AspNetCore.Tests;

/// <summary>Provider accounts managed through <c>/api/v1/accounts</c> by an admin token: checked, masked, write-only secrets.</summary>
public sealed class AccountEndpointsTests
{
    private const string Secret = "tok-7f3a9c1e5b2d4f6a8c0e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_ThenListAndSend_SecretIsMaskedEverywhereAndTheAccountSendsAtOnce()
    {
        await using var api = await StartAsync();
        using var admin = await AdminAsync(api);

        using var added = await admin.PostAsJsonAsync(
            "/api/v1/accounts", new { name = "cb", provider = "callback-test", sender = "3000", settings = new { token = Secret } }, Ct);
        using var listed = await admin.GetAsync("/api/v1/accounts", Ct);
        using var sent = await api.A.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "+989121234567" }, text = "hi", account = "cb" }, Ct);
        var addedText = await added.Content.ReadAsStringAsync(Ct);
        var listText = await listed.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.DoesNotContain(Secret, addedText, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, listText, StringComparison.Ordinal);
        var account = (await TestApi.ReadJsonAsync(listed)).GetProperty("items").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "cb");
        Assert.Equal("••••8c0e", account.GetProperty("settings").GetProperty("token").GetString());
        Assert.Equal("3000", account.GetProperty("sender").GetString());
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
    }

    [Fact]
    public async Task Update_WithoutTheSecret_KeepsItAndChangesTheRest()
    {
        await using var api = await StartAsync();
        using var admin = await AdminAsync(api);
        using var added = await admin.PostAsJsonAsync(
            "/api/v1/accounts", new { name = "cb", provider = "callback-test", settings = new { token = Secret } }, Ct);
        var id = (await TestApi.ReadJsonAsync(added)).GetProperty("id").GetString();

        using var changed = await admin.PatchAsJsonAsync($"/api/v1/accounts/{id}", new { name = "cb-main", enabled = false, sender = "3001" }, Ct);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stored = (await api.App.Services.GetRequiredService<Storage.ITenancyStore>().ListAccountsAsync(Ct)).Single(a => a.Name == "cb-main");
        Assert.Equal(Secret, stored.Settings["token"]);
        Assert.False(stored.Enabled);
        Assert.Equal("3001", stored.Sender);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"provider": "callback-test", "settings": {"token": "x"}}""", "name" },
        { """{"name": "n", "provider": "nope", "settings": {"token": "x"}}""", "provider" },
        { """{"name": "n", "provider": "callback-test"}""", "settings.token" },
        { """{"name": "n", "provider": "callback-test", "settings": {"token": "expired"}}""", "settings.token" },
        { """{"name": "n", "provider": "callback-test", "sender": "abc", "settings": {"token": "x"}}""", "sender" },
        { """{"name": "n", "provider": "callback-test", "settings": {"token": "x", "isAdmin": "true"}}""", "settings.isAdmin" },
        { """{"name": "n", "provider": "callback-test", "serviceId": "b", "settings": {"token": "x"}}""", "serviceId" },
        { """{"name": "n", "provider": "callback-test", "channel": "push", "settings": {"token": "x"}}""", "channel" },
        { """{"name": "dev", "provider": "callback-test", "settings": {"token": "x"}}""", "name" },
        { """{"name": "n", "provider": "callback-test", "rateLimitPerSecond": -1, "settings": {"token": "x"}}""", "rateLimitPerSecond" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Add_BadBody_Answers400NamingTheFieldAndStoresNothing(string json, string field)
    {
        await using var api = await StartAsync();
        using var admin = await AdminAsync(api);
        var before = (await api.App.Services.GetRequiredService<Storage.ITenancyStore>().ListAccountsAsync(Ct)).Count;

        using var response = await admin.PostAsync("/api/v1/accounts", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestApi.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), json);
        Assert.Equal(before, (await api.App.Services.GetRequiredService<Storage.ITenancyStore>().ListAccountsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Accounts_ServiceTokensWithoutAdmin_AreForbiddenAndCannotGrantAdmin()
    {
        await using var api = await StartAsync();

        using var list = await api.A.GetAsync("/api/v1/accounts", Ct);
        using var add = await api.A.PostAsJsonAsync("/api/v1/accounts", new { name = "x", provider = "callback-test", settings = new { token = "x" } }, Ct);
        using var grant = await api.A.PostAsJsonAsync("/api/v1/tokens", new { name = "up", scopes = new[] { "admin" } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
        Assert.Contains("'admin'", (await TestApi.ReadJsonAsync(grant)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_UnknownAccount_Answers404()
    {
        await using var api = await StartAsync();
        using var admin = await AdminAsync(api);

        using var response = await admin.PatchAsJsonAsync($"/api/v1/accounts/{Guid.NewGuid()}", new { enabled = false }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<TestApi> StartAsync() => TestApi.StartAsync(services: s => s.AddCallbackTestProvider());

    private static async Task<HttpClient> AdminAsync(TestApi api)
    {
        var issued = await api.App.Services.GetRequiredService<IApiTokenIssuer>()
            .IssueAsync(api.ServiceA, "admin", ApiTokenScopes.All | ApiTokenScopes.Admin, null, Ct);
        return api.ClientWith(issued.Secret);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Testing;
using Xunit;

namespace Rasan.AspNetCore.Tests;

/// <summary>The audit log: one entry per change, secrets masked, hub-wide changes shown to administrators only.</summary>
public sealed class AuditLogTests
{
    private const string AccountSecret = "tok-1b2c3d4e5f60718293a4b5c6";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryChange_WritesOneEntryWithMaskedSnapshots_AndNoSecretAnywhere()
    {
        await using var api = await TestApi.StartAsync(services: s => s.AddCallbackTestProvider());
        using var admin = await AdminAsync(api);

        using var send = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages")
        {
            Content = JsonContent.Create(new { to = new[] { "+989121234567" }, text = "hi" }),
        };
        send.Headers.Add("Idempotency-Key", "order-1");
        using (await admin.SendAsync(send, Ct))
        {
        }

        using var replay = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages")
        {
            Content = JsonContent.Create(new { to = new[] { "+989121234567" }, text = "hi" }),
        };
        replay.Headers.Add("Idempotency-Key", "order-1");
        using (await admin.SendAsync(replay, Ct))
        {
        }

        var (_, scheduled) = await TestApi.SendOneAsync(admin, new { to = new[] { "+989121234567" }, text = "later", sendAt = DateTimeOffset.UtcNow.AddHours(1) });
        using (await admin.PostAsync($"/api/v1/messages/{scheduled}/cancel", null, Ct))
        {
        }

        using var issued = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "ci", scopes = new[] { "send" } }, Ct);
        var issuedBody = await TestApi.ReadJsonAsync(issued);
        var tokenId = issuedBody.GetProperty("token").GetProperty("id").GetString();
        var tokenSecret = issuedBody.GetProperty("secret").GetString()!;
        using (await admin.PostAsync($"/api/v1/tokens/{tokenId}/revoke", null, Ct))
        using (await admin.PostAsync($"/api/v1/tokens/{tokenId}/revoke", null, Ct))
        {
        }

        using var added = await admin.PostAsJsonAsync(
            "/api/v1/accounts", new { name = "cb", provider = "callback-test", settings = new { token = AccountSecret } }, Ct);
        var accountId = (await TestApi.ReadJsonAsync(added)).GetProperty("id").GetString();
        using (await admin.PatchAsJsonAsync($"/api/v1/accounts/{accountId}", new { enabled = false }, Ct))
        {
        }

        var entries = await WaitForEntriesAsync(admin, 8);
        var text = entries.ToString();

        var actions = entries.EnumerateArray().Select(e => $"{e.GetProperty("entity").GetString()}:{e.GetProperty("action").GetString()}").Order().ToList();
        Assert.Equal(
            ["account:add", "account:update", "api-token:issue", "api-token:revoke", "message:cancel", "request:send", "request:send"],
            actions.Take(7));
        Assert.Equal(7, entries.GetArrayLength());
        Assert.DoesNotContain(AccountSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(tokenSecret, text, StringComparison.Ordinal);
        var update = entries.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "update");
        Assert.True(update.GetProperty("hubWide").GetBoolean());
        Assert.True(update.GetProperty("before").GetProperty("enabled").GetBoolean());
        Assert.False(update.GetProperty("after").GetProperty("enabled").GetBoolean());
        Assert.Equal("••••" + AccountSecret[^4..], update.GetProperty("after").GetProperty("settings").GetProperty("token").GetString());
        Assert.All(entries.EnumerateArray(), e => Assert.StartsWith("token:rsn_", e.GetProperty("actor").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_ServiceTokenWithoutAdmin_SeesNoHubWideChanges()
    {
        await using var api = await TestApi.StartAsync(services: s => s.AddCallbackTestProvider());
        using var admin = await AdminAsync(api);
        using (await admin.PostAsJsonAsync("/api/v1/accounts", new { name = "cb", provider = "callback-test", settings = new { token = AccountSecret } }, Ct))
        {
        }

        await TestApi.SendOneAsync(api.A);
        await WaitForEntriesAsync(admin, 2);

        using var response = await api.A.GetAsync("/api/v1/audit", Ct);

        var items = (await TestApi.ReadJsonAsync(response)).GetProperty("items");
        Assert.Equal(["request"], items.EnumerateArray().Select(e => e.GetProperty("entity").GetString()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("from=yesterday", "from")]
    [InlineData("actor=me", "actor")]
    public async Task Search_BadQuery_Answers400NamingTheParameter(string query, string parameter)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.GetAsync($"/api/v1/audit?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestApi.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    private static async Task<HttpClient> AdminAsync(TestApi api)
    {
        var issued = await api.App.Services.GetRequiredService<IApiTokenIssuer>()
            .IssueAsync(api.ServiceA, "admin", ApiTokenScopes.All | ApiTokenScopes.Admin, null, Ct);
        return api.ClientWith(issued.Secret);
    }

    /// <summary>The entries the caller sees, once there are at least <paramref name="count"/> (or after a few seconds).</summary>
    private static async Task<JsonElement> WaitForEntriesAsync(HttpClient client, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync("/api/v1/audit?limit=500", Ct);
            var items = (await TestApi.ReadJsonAsync(response)).GetProperty("items");
            if (items.GetArrayLength() >= count || attempt == 25)
            {
                return items.Clone();
            }

            await Task.Delay(200, Ct);
        }
    }
}

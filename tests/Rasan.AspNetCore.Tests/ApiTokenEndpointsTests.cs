using System.Net;
using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace Rasan.AspNetCore.Tests;

/// <summary>Issuing, listing and revoking a service's API tokens through <c>/api/v1/tokens</c>.</summary>
public sealed class ApiTokenEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issue_SendToken_WorksForItsScopeOnlyAndItsSecretIsNeverShownAgain()
    {
        await using var api = await TestApi.StartAsync();

        using var issued = await api.A.PostAsJsonAsync("/api/v1/tokens", new { name = "ci", scopes = new[] { "send" } }, Ct);
        var body = await TestApi.ReadJsonAsync(issued);
        var secret = body.GetProperty("secret").GetString()!;
        using var client = api.ClientWith(secret);
        using var sent = await client.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "+989121234567" }, text = "hi" }, Ct);
        using var manage = await client.GetAsync("/api/v1/tokens", Ct);
        using var listed = await api.A.GetAsync("/api/v1/tokens", Ct);
        var listText = await listed.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        Assert.Equal(["send"], body.GetProperty("token").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.StartsWith(body.GetProperty("token").GetProperty("prefix").GetString()!, secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, manage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listText, StringComparison.OrdinalIgnoreCase);
        var item = (await TestApi.ReadJsonAsync(listed)).GetProperty("items")[0];
        Assert.Equal("ci", item.GetProperty("name").GetString());
        Assert.True(item.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Revoke_TokenInUse_Answers401AtOnceAndShowsItRevoked()
    {
        await using var api = await TestApi.StartAsync();
        using var issued = await api.A.PostAsJsonAsync("/api/v1/tokens", new { name = "app", scopes = new[] { "read" } }, Ct);
        var body = await TestApi.ReadJsonAsync(issued);
        using var client = api.ClientWith(body.GetProperty("secret").GetString());
        using var before = await client.GetAsync("/api/v1/messages", Ct);

        using var revoked = await api.A.PostAsync($"/api/v1/tokens/{body.GetProperty("token").GetProperty("id").GetString()}/revoke", null, Ct);
        using var after = await client.GetAsync("/api/v1/messages", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var token = await TestApi.ReadJsonAsync(revoked);
        Assert.False(token.GetProperty("active").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, token.GetProperty("revokedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Tokens_WithoutTheManageScope_AreForbidden()
    {
        await using var api = await TestApi.StartAsync();

        using var list = await api.AReadOnly.GetAsync("/api/v1/tokens", Ct);
        using var issue = await api.AReadOnly.PostAsJsonAsync("/api/v1/tokens", new { name = "x", scopes = new[] { "manage" } }, Ct);
        using var anonymous = await api.Anonymous.GetAsync("/api/v1/tokens", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, issue.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"scopes": ["send"]}""", "name" },
        { """{"name": "x", "scopes": []}""", "scopes" },
        { """{"name": "x", "scopes": ["send", "root"]}""", "scopes[1]" },
        { """{"name": "x", "scopes": ["send"], "expiresAt": "2001-01-01T00:00:00Z"}""", "expiresAt" },
        { """{"name": "x", "scopes": ["send"], "owner": "me"}""", "owner" },
        { """{"name": 5, "scopes": ["send"]}""", "name" },
        { "[1]", "$" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Issue_BadBody_Answers400NamingTheFieldAndIssuesNothing(string json, string field)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.PostAsync("/api/v1/tokens", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        using var listed = await api.A.GetAsync("/api/v1/tokens", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestApi.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), json);
        var names = (await TestApi.ReadJsonAsync(listed)).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.DoesNotContain("x", names);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Rasan.AspNetCore.Tests;

/// <summary>The API-call log: every Rasan call recorded by route template and caller, never by token or raw path.</summary>
public sealed class ApiCallLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_AreLoggedByRouteTemplateStatusAndTokenPrefix_NeverByTokenOrRawPath()
    {
        await using var api = await TestApi.StartAsync();
        var (_, id) = await TestApi.SendOneAsync(api.A);
        using (await api.A.GetAsync($"/api/v1/messages/{id}?x=secret-query", Ct))
        using (await api.A.PostAsync("/api/v1/messages", new StringContent("{}", Encoding.UTF8, "application/json"), Ct))
        using (await api.ClientWith("rsn_not-a-real-token-000000000000").GetAsync("/api/v1/messages", Ct))
        {
        }

        var items = await WaitForCallsAsync(api.A, 3);
        var text = items.ToString();

        var secret = api.A.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(id, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-query", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-token", text, StringComparison.Ordinal);
        var calls = items.EnumerateArray().Select(c => (Method: c.GetProperty("method").GetString(), Route: c.GetProperty("route").GetString(), Status: c.GetProperty("status").GetInt32())).ToList();
        Assert.Contains(calls, c => c is ("GET", "/api/v1/messages/{id}", _));
        Assert.Contains(("POST", "/api/v1/messages", 202), calls);
        Assert.Contains(("POST", "/api/v1/messages", 400), calls);
        Assert.All(items.EnumerateArray(), c => Assert.StartsWith(c.GetProperty("tokenPrefix").GetString()!, secret, StringComparison.Ordinal));
        Assert.All(items.EnumerateArray(), c => Assert.True(c.GetProperty("durationMs").GetDouble() >= 0));
    }

    [Fact]
    public async Task Search_OtherServicesCalls_AreNotShown()
    {
        await using var api = await TestApi.StartAsync();
        await TestApi.SendOneAsync(api.A);
        await TestApi.SendOneAsync(api.B);

        var seenByA = await WaitForCallsAsync(api.A, 1);
        var seenByB = await WaitForCallsAsync(api.B, 1);

        var prefixOfA = seenByA[0].GetProperty("tokenPrefix").GetString();
        var prefixOfB = seenByB[0].GetProperty("tokenPrefix").GetString();
        Assert.NotEqual(prefixOfA, prefixOfB);
        Assert.All(seenByA.EnumerateArray(), c => Assert.Equal(prefixOfA, c.GetProperty("tokenPrefix").GetString()));
        Assert.All(seenByB.EnumerateArray(), c => Assert.Equal(prefixOfB, c.GetProperty("tokenPrefix").GetString()));
    }

    [Theory]
    [InlineData("status=abc", "status")]
    [InlineData("status=99", "status")]
    [InlineData("cursor=nope", "cursor")]
    [InlineData("tokenPrefix=rsn", "tokenPrefix")]
    public async Task Search_BadQuery_Answers400NamingTheParameter(string query, string parameter)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.GetAsync($"/api/v1/api-calls?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TestApi.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    /// <summary>The service's logged calls other than searches of the log, once there are at least <paramref name="count"/>.</summary>
    private static async Task<JsonElement> WaitForCallsAsync(HttpClient client, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync("/api/v1/api-calls?limit=500", Ct);
            var items = (await TestApi.ReadJsonAsync(response)).GetProperty("items");
            var others = items.EnumerateArray().Where(c => c.GetProperty("route").GetString() != "/api/v1/api-calls").ToList();
            if (others.Count >= count || attempt == 50)
            {
                Assert.True(others.Count >= count, $"only {others.Count} calls logged");
                return JsonSerializer.SerializeToElement(others);
            }

            await Task.Delay(200, Ct);
        }
    }
}

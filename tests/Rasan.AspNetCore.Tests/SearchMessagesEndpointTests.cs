using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class SearchMessagesEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_KeysetPaging_ReturnsEveryMessageOnceNewestFirst()
    {
        await using var api = await TestApi.StartAsync();
        var sent = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add((await TestApi.SendOneAsync(api.A, new { to = new[] { $"+98912000000{i}" }, text = $"page {i}" })).MessageId);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await api.A.GetAsync("/api/v1/messages?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await TestApi.ReadJsonAsync(response);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(Enumerable.Reverse(sent), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Search_Filters_MatchOnlyTheirMessages()
    {
        await using var api = await TestApi.StartAsync();
        var (_, tagged) = await TestApi.SendOneAsync(api.A, new { to = new[] { "+989121111111" }, text = "your code is 1234", tags = new[] { "otp" } });
        var (_, scheduled) = await TestApi.SendOneAsync(
            api.A, new { to = new[] { "+989122222222" }, text = "see you later", sendAt = DateTimeOffset.UtcNow.AddHours(1) });

        Assert.Equal([tagged], await SearchAsync(api.A, "tag=otp"));
        Assert.Equal([tagged], await SearchAsync(api.A, "text=code"));
        Assert.Equal([tagged], await SearchAsync(api.A, "to=09121111111"));
        Assert.Equal([scheduled], await SearchAsync(api.A, "status=scheduled"));
        Assert.Empty(await SearchAsync(api.A, "from=2099-01-01T00:00:00Z"));
        Assert.Empty(await SearchAsync(api.A, "until=2001-01-01"));
        Assert.Equal(2, (await SearchAsync(api.A, $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).Length);
    }

    [Fact]
    public async Task Search_OtherServicesMessages_AreNeverListed()
    {
        await using var api = await TestApi.StartAsync();
        await TestApi.SendOneAsync(api.B, new { to = new[] { "+989121111111" }, text = "b's secret", tags = new[] { "b" } });

        Assert.Empty(await SearchAsync(api.A, ""));
        Assert.Empty(await SearchAsync(api.A, "tag=b"));
        Assert.Empty(await SearchAsync(api.A, "text=secret"));
    }

    [Theory]
    [InlineData("status=done", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("from=yesterday", "from")]
    [InlineData("pageSize=10", "pageSize")]
    [InlineData("status=sent&status=queued", "status")]
    [InlineData("text=a%00b", "text")]
    [InlineData("to=%2B98912%00", "to")]
    public async Task Search_BadQuery_Answers400NamingTheParameter(string query, string key)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.GetAsync($"/api/v1/messages?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await TestApi.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(key, out _));
    }

    [Fact]
    public async Task Search_HugeLimit_IsClamped()
    {
        await using var api = await TestApi.StartAsync();
        await TestApi.SendOneAsync(api.A);

        using var response = await api.A.GetAsync("/api/v1/messages?limit=100000", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await TestApi.ReadJsonAsync(response)).GetProperty("items").EnumerateArray());
    }

    private static async Task<string[]> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/messages?{query}", Ct);
        var body = await TestApi.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToArray();
    }
}

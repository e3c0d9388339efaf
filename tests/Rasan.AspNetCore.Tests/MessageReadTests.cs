using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class MessageReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetMessage_Own_AnswersMessageWithEventsAndNoInternalFields()
    {
        await using var api = await TestApi.StartAsync();
        var (requestId, messageId) = await TestApi.SendOneAsync(api.A);

        using var response = await api.A.GetAsync($"/api/v1/messages/{messageId}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await TestApi.ReadJsonAsync(response);
        var names = message.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "id", "requestId", "to", "text", "channel", "account", "priority", "status", "createdAt", "updatedAt",
                "sendAt", "expiresAt", "tags", "attempts", "providerMessageId", "error", "events",
            },
            names);
        Assert.DoesNotContain(names, n => n.Contains("lease", StringComparison.OrdinalIgnoreCase)
            || n.Contains("hash", StringComparison.OrdinalIgnoreCase) || n.Contains("service", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(requestId, message.GetProperty("requestId").GetString());
        var first = message.GetProperty("events")[0];
        Assert.Equal("queued", first.GetProperty("status").GetString());
        Assert.True(first.TryGetProperty("time", out _));
        Assert.True(first.TryGetProperty("detail", out _));
    }

    [Theory]
    [InlineData("0190d4c0-0000-7000-8000-000000000000")]
    [InlineData("not-an-id")]
    public async Task GetMessage_Unknown_Answers404Problem(string id)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.GetAsync($"/api/v1/messages/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetRequest_Own_AnswersItsMessagesInOrder()
    {
        await using var api = await TestApi.StartAsync();
        using var sent = await api.A.PostAsJsonAsync(
            "/api/v1/messages", new { to = new[] { "+989121111111", "+989122222222" }, text = "r" }, Ct);
        var receipt = await TestApi.ReadJsonAsync(sent);
        var requestId = receipt.GetProperty("requestId").GetString();

        using var response = await api.A.GetAsync($"/api/v1/requests/{requestId}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = await TestApi.ReadJsonAsync(response);
        Assert.Equal(requestId, request.GetProperty("requestId").GetString());
        Assert.Equal(
            receipt.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetString()),
            request.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.All(request.GetProperty("messages").EnumerateArray(), m => Assert.True(m.TryGetProperty("status", out _)));
    }

    [Fact]
    public async Task GetRequest_Unknown_Answers404Problem()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.GetAsync("/api/v1/requests/0190d4c0-0000-7000-8000-000000000000", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetMessage_StoreDown_Answers503WithRetryAfter()
    {
        await using var api = await TestApi.StartAsync();
        var (_, messageId) = await TestApi.SendOneAsync(api.A);
        api.Store.Failure = new FakeDbException();

        using var response = await api.A.GetAsync($"/api/v1/messages/{messageId}", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Send_StoreTimesOut_Answers503AndNever202()
    {
        await using var api = await TestApi.StartAsync();
        api.Store.Failure = new TimeoutException("the database did not answer");

        using var response = await api.A.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "+989121234567" }, text = "x" }, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}

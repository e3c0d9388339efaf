using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class IdempotencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_SameKeySameBody_ReplaysTheFirstAnswer()
    {
        await using var api = await TestApi.StartAsync();
        var body = new { to = new[] { "+989121234567", "+989121234568" }, text = "once" };

        using var first = await PostAsync(api.A, body, "key-0001");
        using var second = await PostAsync(api.A, body, "key-0001");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotency-Replayed")));
        var a = await TestApi.ReadJsonAsync(first);
        var b = await TestApi.ReadJsonAsync(second);
        Assert.Equal(a.GetProperty("requestId").GetString(), b.GetProperty("requestId").GetString());
        Assert.Equal(
            a.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetString()),
            b.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(2, await api.CountMessagesAsync(api.ServiceA));
    }

    [Fact]
    public async Task Send_SameKeyDifferentBody_Answers422NamingTheKeyAndStoresNothing()
    {
        await using var api = await TestApi.StartAsync();
        using var first = await PostAsync(api.A, new { to = new[] { "+989121234567" }, text = "one" }, "key-0002");

        using var second = await PostAsync(api.A, new { to = new[] { "+989121234567" }, text = "two" }, "key-0002");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await TestApi.ReadJsonAsync(second);
        Assert.Equal("key-0002", problem.GetProperty("idempotencyKey").GetString());
        Assert.Contains("key-0002", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await api.CountMessagesAsync(api.ServiceA));
    }

    [Fact]
    public async Task Send_SameKeyWhileTheFirstIsInFlight_Answers409WithRetryAfter()
    {
        await using var api = await TestApi.StartAsync();
        var body = new { to = new[] { "+989121234567" }, text = "slow" };
        api.Store.HoldAccepts();
        var first = PostAsync(api.A, body, "key-0003");
        await api.Store.AcceptEntered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using var second = await PostAsync(api.A, body, "key-0003");
        api.Store.ReleaseAccepts();
        using var firstResponse = await first;

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, firstResponse.StatusCode);
        Assert.Equal(1, await api.CountMessagesAsync(api.ServiceA));
    }

    [Fact]
    public async Task Send_OtherServiceUsesTheSameKey_GetsItsOwnRequest()
    {
        await using var api = await TestApi.StartAsync();
        var body = new { to = new[] { "+989121234567" }, text = "mine" };

        using var a = await PostAsync(api.A, body, "key-0004");
        using var b = await PostAsync(api.B, body, "key-0004");

        Assert.Equal(HttpStatusCode.Accepted, b.StatusCode);
        Assert.False(b.Headers.Contains("Idempotency-Replayed"));
        Assert.NotEqual(
            (await TestApi.ReadJsonAsync(a)).GetProperty("requestId").GetString(),
            (await TestApi.ReadJsonAsync(b)).GetProperty("requestId").GetString());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, Ct);
    }
}

using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class SendMessagesEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_SingleRecipient_Answers202AndIsEventuallyDelivered()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "09121234567" }, text = "hello" }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await TestApi.ReadJsonAsync(response);
        var requestId = body.GetProperty("requestId").GetString();
        var message = Assert.Single(body.GetProperty("messages").EnumerateArray().ToArray());
        Assert.Equal("+989121234567", message.GetProperty("to").GetString());
        Assert.Equal("queued", message.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/requests/{requestId}", response.Headers.Location?.OriginalString);

        var delivered = await TestApi.WaitForStatusAsync(api.A, message.GetProperty("id").GetString()!, "delivered");
        Assert.Equal(requestId, delivered.GetProperty("requestId").GetString());
        Assert.Equal("dev", delivered.GetProperty("account").GetString());
        Assert.Equal("sms", delivered.GetProperty("channel").GetString());
        Assert.Equal("normal", delivered.GetProperty("priority").GetString());
        Assert.True(delivered.GetProperty("events").GetArrayLength() >= 2);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, delivered.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Send_Broadcast_AnswersOneMessagePerRecipientInOrder()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.PostAsJsonAsync(
            "/api/v1/messages",
            new { to = new[] { "+989121111111", "+989122222222", "+989123333333" }, text = "hi", priority = "high", tags = new[] { "otp" } },
            Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var messages = (await TestApi.ReadJsonAsync(response)).GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["+989121111111", "+989122222222", "+989123333333"], messages.Select(m => m.GetProperty("to").GetString()));
        Assert.Equal(3, messages.Select(m => m.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Send_Batch_StoresEachTextForItsRecipient()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.PostAsJsonAsync(
            "/api/v1/messages",
            new { messages = new object[] { new { to = "+989121111111", text = "first" }, new { to = "09122222222", text = "second", priority = "low" } } },
            Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var messages = (await TestApi.ReadJsonAsync(response)).GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(2, messages.Length);
        using var second = await api.A.GetAsync($"/api/v1/messages/{messages[1].GetProperty("id").GetString()}", Ct);
        var stored = await TestApi.ReadJsonAsync(second);
        Assert.Equal("second", stored.GetProperty("text").GetString());
        Assert.Equal("+989122222222", stored.GetProperty("to").GetString());
        Assert.Equal("low", stored.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task Send_WaitSeconds_AnswersOnceEveryMessageHasAnOutcome()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.PostAsJsonAsync(
            "/api/v1/messages", new { to = new[] { "+989121234567", "+989127654321" }, text = "wait", waitSeconds = 10 }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var statuses = (await TestApi.ReadJsonAsync(response)).GetProperty("messages").EnumerateArray()
            .Select(m => m.GetProperty("status").GetString()).ToArray();
        Assert.All(statuses, s => Assert.Contains(s, new[] { "sent", "delivered" }));
    }

    [Fact]
    public async Task Send_ScheduledWithShortWait_AnswersWhenTheWaitEnds()
    {
        await using var api = await TestApi.StartAsync();
        var started = DateTimeOffset.UtcNow;

        using var response = await api.A.PostAsJsonAsync(
            "/api/v1/messages",
            new { to = new[] { "+989121234567" }, text = "later", sendAt = DateTimeOffset.UtcNow.AddHours(1), waitSeconds = 1 },
            Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9));
        var message = (await TestApi.ReadJsonAsync(response)).GetProperty("messages")[0];
        Assert.Equal("scheduled", message.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Send_BodyOfOneMegabyte_Answers413AndStoresNothing()
    {
        await using var api = await TestApi.StartAsync();
        var text = new string('x', 1024 * 1024);

        using var response = await api.A.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "+989121234567" }, text }, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await api.CountMessagesAsync(api.ServiceA));
    }

    [Fact]
    public async Task Send_ChunkedBodyOverTheLimit_Answers413()
    {
        await using var api = await TestApi.StartAsync(o => o.MaxSendBodySize = 4096);
        var json = $$"""{"to":["+989121234567"],"text":"{{new string('x', 10_000)}}"}""";
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");

        using var response = await api.A.PostAsync("/api/v1/messages", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await api.CountMessagesAsync(api.ServiceA));
    }

    [Fact]
    public async Task Send_NotJsonContentType_Answers415()
    {
        await using var api = await TestApi.StartAsync();
        using var content = new StringContent("to=+989121234567&text=hi", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await api.A.PostAsync("/api/v1/messages", content, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Send_ReadOnlyToken_Answers403Problem()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.AReadOnly.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "+989121234567" }, text = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await api.CountMessagesAsync(api.ServiceA));
    }
}

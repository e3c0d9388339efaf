using System.Net;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class CancelMessageEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cancel_ScheduledMessage_CancelsIt()
    {
        await using var api = await TestApi.StartAsync();
        var (_, id) = await TestApi.SendOneAsync(
            api.A, new { to = new[] { "+989121234567" }, text = "later", sendAt = DateTimeOffset.UtcNow.AddHours(1) });

        using var response = await api.A.PostAsync($"/api/v1/messages/{id}/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await TestApi.ReadJsonAsync(response)).GetProperty("status").GetString());
        using var again = await api.A.PostAsync($"/api/v1/messages/{id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Cancel_DeliveredMessage_Answers409Problem()
    {
        await using var api = await TestApi.StartAsync();
        var (_, id) = await TestApi.SendOneAsync(api.A);
        await TestApi.WaitForStatusAsync(api.A, id, "delivered");

        using var response = await api.A.PostAsync($"/api/v1/messages/{id}/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await TestApi.WaitForStatusAsync(api.A, id, "delivered");
    }

    [Theory]
    [InlineData("0190d4c0-0000-7000-8000-000000000000")]
    [InlineData("nope")]
    public async Task Cancel_UnknownMessage_Answers404(string id)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.PostAsync($"/api/v1/messages/{id}/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cancel_ReadOnlyToken_Answers403AndKeepsTheMessage()
    {
        await using var api = await TestApi.StartAsync();
        var (_, id) = await TestApi.SendOneAsync(
            api.A, new { to = new[] { "+989121234567" }, text = "later", sendAt = DateTimeOffset.UtcNow.AddHours(1) });

        using var response = await api.AReadOnly.PostAsync($"/api/v1/messages/{id}/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await TestApi.WaitForStatusAsync(api.A, id, "scheduled");
    }
}

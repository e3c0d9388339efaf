using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class OpenApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenApiDocument_ListsEveryRouteWithItsResponses()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Anonymous.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await TestApi.ReadJsonAsync(response);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(RasanApiDefaults.AuthenticationScheme);
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var paths = document.GetProperty("paths");
        var send = paths.GetProperty("/api/v1/messages").GetProperty("post");
        Assert.Equal("SendMessages", send.GetProperty("operationId").GetString());
        var sendResponses = send.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "202", "400", "401", "409", "413", "422" }, sendResponses);
        Assert.True(send.TryGetProperty("requestBody", out _));
        Assert.True(send.GetProperty("security")[0].TryGetProperty(RasanApiDefaults.AuthenticationScheme, out _));
        Assert.Equal("SearchMessages", paths.GetProperty("/api/v1/messages").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetMessage", paths.GetProperty("/api/v1/messages/{id}").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetRequest", paths.GetProperty("/api/v1/requests/{requestId}").GetProperty("get").GetProperty("operationId").GetString());
        var cancel = paths.GetProperty("/api/v1/messages/{id}/cancel").GetProperty("post");
        Assert.Superset(new HashSet<string> { "200", "401", "404", "409" }, cancel.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToHashSet());
    }

    [Fact]
    public async Task ApiMappedInARouteGroup_LinksAndSecurityFollowTheGroup()
    {
        await using var api = await TestApi.StartAsync(map: app =>
        {
            app.MapGroup("/hub").MapRasan();
            app.MapGet("/api/v1/status", () => "up");
        });

        using var sent = await api.A.PostAsJsonAsync("/hub/api/v1/messages", new { to = new[] { "09121234567" }, text = "hi" }, Ct);
        var requestId = (await TestApi.ReadJsonAsync(sent)).GetProperty("requestId").GetString();
        using var request = await api.A.GetAsync(sent.Headers.Location, Ct);
        using var openApi = await api.Anonymous.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal($"/hub/api/v1/requests/{requestId}", sent.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        var paths = (await TestApi.ReadJsonAsync(openApi)).GetProperty("paths");
        Assert.True(paths.GetProperty("/hub/api/v1/messages").GetProperty("post").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/v1/status").GetProperty("get").TryGetProperty("security", out _));
    }
}

using Rasan.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class AuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("POST", "/api/v1/messages")]
    [InlineData("GET", "/api/v1/messages")]
    [InlineData("GET", "/api/v1/messages/0190d4c0-0000-7000-8000-000000000000")]
    [InlineData("GET", "/api/v1/requests/0190d4c0-0000-7000-8000-000000000000")]
    [InlineData("POST", "/api/v1/messages/0190d4c0-0000-7000-8000-000000000000/cancel")]
    public async Task Endpoint_NoToken_Answers401Problem(string method, string path)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("rsn_unknown-token-of-enough-length")]
    [InlineData("x")]
    public async Task Send_UnknownToken_Answers401AndStoresNothing(string token)
    {
        await using var api = await TestApi.StartAsync();
        var client = api.ClientWith(token);

        using var response = await client.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "+989121234567" }, text = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await api.CountMessagesAsync(api.ServiceA));
    }

    [Fact]
    public async Task Send_TokenInQueryString_Answers401()
    {
        await using var api = await TestApi.StartAsync();
        var issued = await api.App.Services.GetRequiredService<IApiTokenIssuer>()
            .IssueAsync(api.ServiceA, "query", ApiTokenScopes.All, null, Ct);

        using var response = await api.Anonymous.PostAsJsonAsync(
            $"/api/v1/messages?access_token={issued.Secret}", new { to = new[] { "+989121234567" }, text = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Send_BasicScheme_Answers401()
    {
        await using var api = await TestApi.StartAsync();
        var client = api.ClientWith(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        using var response = await client.GetAsync("/api/v1/messages", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Search_ExpiredToken_Answers401()
    {
        await using var api = await TestApi.StartAsync();
        var issued = await api.App.Services.GetRequiredService<IApiTokenIssuer>()
            .IssueAsync(api.ServiceA, "old", ApiTokenScopes.All, DateTimeOffset.UtcNow.AddSeconds(-1), Ct);

        using var response = await api.ClientWith(issued.Secret).GetAsync("/api/v1/messages", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Search_TokenStoreDown_Answers503NotUnauthorized()
    {
        await using var api = await TestApi.StartAsync(o => o.StoreUnavailableRetryAfter = TimeSpan.FromSeconds(7));
        var tenancy = api.App.Services.GetRequiredService<ControllableTenancyStore>();
        tenancy.Failure = new FakeDbException();

        using var response = await api.ClientWith("rsn_not-cached-token-0123456789").GetAsync("/api/v1/messages", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }
}

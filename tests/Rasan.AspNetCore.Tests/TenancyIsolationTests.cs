using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class TenancyIsolationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryIdAddressedEndpoint_OtherServicesId_Answers404AndLeaksNothing()
    {
        await using var api = await TestApi.StartAsync();
        var (requestId, messageId) = await TestApi.SendOneAsync(
            api.B, new { to = new[] { "+989121234567" }, text = "b only", sendAt = DateTimeOffset.UtcNow.AddHours(1) });
        var tokenB = await api.App.Services.GetRequiredService<IApiTokenIssuer>().IssueAsync(api.ServiceB, "b only", ApiTokenScopes.Send, null, Ct);
        var endpoints = api.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && e.RoutePattern.Parameters.Count > 0)
            .ToArray();

        // Hub-wide objects (provider accounts) belong to no service: a service's token is refused them by role.
        static bool HubWide(RouteEndpoint e) => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == RasanApiDefaults.AdminPolicy);

        Assert.True(endpoints.Length >= 3);
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!
                .Replace("{id}", messageId, StringComparison.Ordinal)
                .Replace("{requestId}", requestId, StringComparison.Ordinal)
                .Replace("{tokenId}", tokenB.Token.Id.ToString(), StringComparison.Ordinal);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                using var response = await api.A.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);

                var expected = HubWide(endpoint) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
                Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain("b only", body, StringComparison.Ordinal);
            }
        }

        await TestApi.WaitForStatusAsync(api.B, messageId, "scheduled");
        Assert.NotNull(await api.App.Services.GetRequiredService<IApiTokenAuthenticator>().AuthenticateAsync(tokenB.Secret, Ct));
    }
}

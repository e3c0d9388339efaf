using System.Net;
using Xunit;

namespace Rasan.AspNetCore.Tests;

/// <summary>Each API token has its own request rate; over it the API answers 429 with Retry-After.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_OverATokensBurst_Answer429WithRetryAfterWhileOtherTokensGoOn()
    {
        await using var api = await TestApi.StartAsync(o =>
        {
            o.TokenRequestsPerSecond = 1;
            o.TokenBurst = 3;
        });

        // The bucket refills once a second, so one refill may land among the first requests.
        var accepted = 0;
        HttpResponseMessage limited;
        while (true)
        {
            var response = await api.A.GetAsync("/api/v1/messages", Ct);
            if (response.StatusCode != HttpStatusCode.OK || accepted == 10)
            {
                limited = response;
                break;
            }

            response.Dispose();
            accepted++;
        }

        using var other = await api.B.GetAsync("/api/v1/messages", Ct);

        Assert.InRange(accepted, 3, 4);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 2);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        limited.Dispose();
    }

    [Fact]
    public async Task Requests_LimitTurnedOff_AreNeverLimited()
    {
        await using var api = await TestApi.StartAsync(o =>
        {
            o.TokenRequestsPerSecond = 0;
            o.TokenBurst = 1;
        });

        for (var i = 0; i < 5; i++)
        {
            using var response = await api.A.GetAsync("/api/v1/messages", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.RateLimiting;

/// <summary>
/// One token bucket per API token (<see cref="RasanApiOptions.TokenRequestsPerSecond"/>, <see cref="RasanApiOptions.TokenBurst"/>).
/// A caller without a token (a provider's delivery callback) is not limited here. Over the limit: 429 with
/// <c>Retry-After</c> and problem details, never the rate limiter's default 503.
/// </summary>
internal sealed class ApiTokenRateLimitPolicy(IOptions<RasanApiOptions> options, IProblemDetailsService problemDetails) : IRateLimiterPolicy<string>
{
    /// <summary>The wait a client is told when the limiter gives none.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var settings = options.Value;
        var tokenId = httpContext.User.FindFirst(RasanClaimTypes.TokenId)?.Value;
        if (tokenId is null || settings.TokenRequestsPerSecond == 0)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.GetTokenBucketLimiter(tokenId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.TokenBurst,
            TokensPerPeriod = settings.TokenRequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : DefaultRetryAfter;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        RetryAfterHeader.Set(response, wait);
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = ApiProblems.TooManyRequests(),
        });
    }
}

using System.ComponentModel.DataAnnotations;

namespace Rasan.AspNetCore;

/// <summary>Settings of the Rasan HTTP API v1. Bound from the <c>Rasan:Api</c> section by the standalone host.</summary>
public sealed class RasanApiOptions
{
    /// <summary>The largest body <c>POST /api/v1/messages</c> accepts, in bytes; a larger one answers 413.</summary>
    /// <value>The default value is 262,144 (256 KiB).</value>
    [Range(1_024, 1_073_741_824)]
    public long MaxSendBodySize { get; set; } = 256 * 1024;

    /// <summary>The <c>Retry-After</c> given with a 503 when the store cannot be reached.</summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StoreUnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Requests per second each API token may make on average (a token bucket per token); beyond it the API answers
    /// 429 with <c>Retry-After</c>. 0 turns the limit off. Needs <c>app.UseRateLimiter()</c> in the host's pipeline.
    /// </summary>
    /// <value>The default value is 1,000.</value>
    [Range(0, 1_000_000)]
    public int TokenRequestsPerSecond { get; set; } = 1_000;

    /// <summary>How many requests a token may make at once above its average, after a quiet spell.</summary>
    /// <value>The default value is 2,000.</value>
    [Range(1, 1_000_000)]
    public int TokenBurst { get; set; } = 2_000;

    /// <summary>How long the API-call log keeps a call; older ones are deleted once an hour.</summary>
    /// <value>The default value is 30 days.</value>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan ApiCallLogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the audit log keeps an entry; older ones are deleted once an hour.</summary>
    /// <value>The default value is 365 days.</value>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan AuditLogRetention { get; set; } = TimeSpan.FromDays(365);
}

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
}

using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Rasan.AspNetCore.Errors;

/// <summary>Writes <c>Retry-After</c> as whole seconds, rounded up so a client never retries too early.</summary>
internal static class RetryAfterHeader
{
    public static void Set(HttpResponse response, TimeSpan delay)
        => response.Headers.RetryAfter = ((int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

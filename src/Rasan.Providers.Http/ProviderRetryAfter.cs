using System.Net.Http.Headers;

namespace Rasan.Providers.Http;

/// <summary>Reads an HTTP <c>Retry-After</c> header (seconds or a date) as the wait a provider asked for.</summary>
public static class ProviderRetryAfter
{
    /// <summary>The wait a header asks for.</summary>
    /// <param name="header">The header, if the answer had one.</param>
    /// <param name="now">The current time, for a date.</param>
    /// <returns>A positive wait, or <see langword="null"/>.</returns>
    public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => TimeSpan.Zero,
        };
        return wait > TimeSpan.Zero ? wait : null;
    }
}

namespace Rasan.Dispatch;

/// <summary>Exponential backoff with jitter: attempt n waits about base·2ⁿ⁻¹, between half and all of it, capped.</summary>
internal static class RetrySchedule
{
    public static TimeSpan DelayAfter(int attempt, DispatcherOptions options, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var full = Math.Min(options.RetryMaxDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var jittered = TimeSpan.FromMilliseconds(full * (0.5 + (Random.Shared.NextDouble() * 0.5)));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }
}

namespace Rasan.Dispatch;

/// <summary>The rate limit and circuit breaker of one account, used under its own lock.</summary>
internal sealed class AccountGuard(double ratePerSecond, CircuitBreaker breaker, DateTimeOffset now)
{
    private readonly TokenBucket? _bucket = ratePerSecond > 0 ? new TokenBucket(ratePerSecond, now) : null;

    public Lock Sync { get; } = new();

    public CircuitBreaker Breaker { get; } = breaker;

    public double RatePerSecond { get; } = ratePerSecond;

    /// <summary>Takes send permits for up to <paramref name="wanted"/> messages.</summary>
    public (int Granted, DateTimeOffset NextAvailable) Take(int wanted, DateTimeOffset now)
        => _bucket is null ? (wanted, now) : _bucket.Take(wanted, now);
}

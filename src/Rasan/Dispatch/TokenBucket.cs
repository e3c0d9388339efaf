namespace Rasan.Dispatch;

/// <summary>A token bucket: <c>rate</c> tokens per second, holding at most one second's worth. Not thread-safe.</summary>
internal sealed class TokenBucket(double ratePerSecond, DateTimeOffset now)
{
    private readonly double _capacity = Math.Max(1, ratePerSecond);
    private double _tokens = Math.Max(1, ratePerSecond);
    private DateTimeOffset _updated = now;

    /// <summary>Takes up to <paramref name="wanted"/> tokens.</summary>
    /// <returns>How many were granted, and when the next token will be there if not all were.</returns>
    public (int Granted, DateTimeOffset NextAvailable) Take(int wanted, DateTimeOffset now)
    {
        Refill(now);
        var granted = (int)Math.Min(wanted, Math.Floor(_tokens));
        _tokens -= granted;
        var missing = 1 - _tokens;
        var next = missing <= 0 ? now : now + TimeSpan.FromSeconds(missing / ratePerSecond);
        return (granted, next);
    }

    private void Refill(DateTimeOffset now)
    {
        if (now > _updated)
        {
            _tokens = Math.Min(_capacity, _tokens + ((now - _updated).TotalSeconds * ratePerSecond));
            _updated = now;
        }
    }
}

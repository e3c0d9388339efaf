namespace Rasan.Dispatch;

/// <summary>
/// Opens after a number of consecutive failed provider calls; while open, the account is left alone; after the break
/// one trial call is let through: success closes it, failure opens it again. A trial nobody settles (the call was
/// never made, or its outcome was lost) lapses after <c>trialTimeout</c>, so it cannot hold the account shut.
/// Not thread-safe.
/// </summary>
internal sealed class CircuitBreaker(int failureThreshold, TimeSpan breakDuration, TimeSpan trialTimeout)
{
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _trialUntil = DateTimeOffset.MinValue;

    public bool IsOpen(DateTimeOffset now) => now < _openUntil || now < _trialUntil;

    public DateTimeOffset OpenUntil => _openUntil;

    /// <summary>Asks to make a call now.</summary>
    /// <returns><see langword="false"/> while open.</returns>
    public bool TryEnter(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return false;
        }

        if (_consecutiveFailures >= failureThreshold)
        {
            _trialUntil = now + trialTimeout;
        }

        return true;
    }

    /// <summary>Gives up a trial call that was let through but not made, so the next pass may try.</summary>
    public void AbandonTrial() => _trialUntil = DateTimeOffset.MinValue;

    public void RecordSuccess()
    {
        _consecutiveFailures = 0;
        _trialUntil = DateTimeOffset.MinValue;
        _openUntil = DateTimeOffset.MinValue;
    }

    /// <summary>Counts a failed call.</summary>
    /// <returns><see langword="true"/> when this failure opened the breaker.</returns>
    public bool RecordFailure(DateTimeOffset now)
    {
        _consecutiveFailures++;
        _trialUntil = DateTimeOffset.MinValue;
        if (_consecutiveFailures >= failureThreshold)
        {
            _openUntil = now + breakDuration;
            return true;
        }

        return false;
    }
}

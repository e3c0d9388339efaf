namespace Rasan.Dispatch;

/// <summary>
/// Opens after a number of consecutive failed provider calls; while open, the account is left alone; after the break
/// one trial call is let through: success closes it, failure opens it again. Not thread-safe.
/// </summary>
internal sealed class CircuitBreaker(int failureThreshold, TimeSpan breakDuration)
{
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private bool _trialInFlight;

    public bool IsOpen(DateTimeOffset now) => now < _openUntil || _trialInFlight;

    public DateTimeOffset OpenUntil => _openUntil;

    /// <summary>Asks to make a call now.</summary>
    /// <returns><see langword="false"/> while open.</returns>
    public bool TryEnter(DateTimeOffset now)
    {
        if (now < _openUntil || _trialInFlight)
        {
            return false;
        }

        if (_consecutiveFailures >= failureThreshold)
        {
            _trialInFlight = true;
        }

        return true;
    }

    /// <summary>Gives up a trial call that was let through but not made, so the next pass may try.</summary>
    public void AbandonTrial() => _trialInFlight = false;

    public void RecordSuccess()
    {
        _consecutiveFailures = 0;
        _trialInFlight = false;
        _openUntil = DateTimeOffset.MinValue;
    }

    /// <summary>Counts a failed call.</summary>
    /// <returns><see langword="true"/> when this failure opened the breaker.</returns>
    public bool RecordFailure(DateTimeOffset now)
    {
        _consecutiveFailures++;
        _trialInFlight = false;
        if (_consecutiveFailures >= failureThreshold)
        {
            _openUntil = now + breakDuration;
            return true;
        }

        return false;
    }
}

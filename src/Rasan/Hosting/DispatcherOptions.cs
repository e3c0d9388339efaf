using System.ComponentModel.DataAnnotations;

namespace Rasan;

/// <summary>How the dispatcher claims, sends and retries.</summary>
public sealed class DispatcherOptions
{
    /// <summary>
    /// What of a lease is kept free for writing a pass's outcomes after its last provider call: a tenth of it, at
    /// least one second.
    /// </summary>
    internal TimeSpan LeaseSafetyMargin => TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, LeaseDuration.Ticks / 10));

    /// <summary>Whether this host dispatches at all (a host may only accept).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for due messages when no wake-up signal arrives.</summary>
    /// <value>The default value is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a wake-up signal (new messages stored), how long to wait before claiming, so a burst of sends is claimed
    /// in a few passes rather than one pass per request. Zero claims at once.
    /// </summary>
    /// <value>The default value is 20 milliseconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan WakeUpDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a claim lasts; a message whose lease ran out is claimed again (so a crashed host loses nothing).</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most messages claimed at once.</summary>
    /// <value>The default value is 500.</value>
    [Range(1, 10_000)]
    public int ClaimBatchSize { get; set; } = 500;

    /// <summary>The most provider calls in flight at once on this host.</summary>
    /// <value>The default value is 16.</value>
    [Range(1, 1_024)]
    public int MaxConcurrentSends { get; set; } = 16;

    /// <summary>How long one provider call may take before it counts as a transient failure.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry delay after a transient failure; it doubles per attempt, with jitter.</summary>
    /// <value>The default value is 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest retry delay.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most provider attempts for a message without an expiry; then it fails.</summary>
    /// <value>The default value is 20.</value>
    [Range(1, 1_000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Consecutive failed calls on one account that open its circuit breaker.</summary>
    /// <value>The default value is 10.</value>
    [Range(1, 10_000)]
    public int BreakerFailureThreshold { get; set; } = 10;

    /// <summary>How long an open breaker keeps an account idle before one trial call.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait between later delivery-status polls of the same message.</summary>
    /// <value>The default value is 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan DeliveryPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after sending to keep polling for a delivery report before giving up.</summary>
    /// <value>The default value is 3 days.</value>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan DeliveryPollGiveUp { get; set; } = TimeSpan.FromDays(3);
}

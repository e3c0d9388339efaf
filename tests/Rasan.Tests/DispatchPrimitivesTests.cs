using Rasan.Accept;
using Rasan.Dispatch;
using Xunit;

namespace Rasan.Tests;

public sealed class DispatchPrimitivesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TokenBucket_BurstThenRefill_GrantsAtTheRate()
    {
        var bucket = new TokenBucket(10, T0);

        Assert.Equal(10, bucket.Take(25, T0).Granted);
        var (granted, next) = bucket.Take(5, T0);
        Assert.Equal(0, granted);
        Assert.Equal(T0.AddMilliseconds(100), next);
        Assert.Equal(5, bucket.Take(5, T0.AddMilliseconds(500)).Granted);
    }

    [Fact]
    public void CircuitBreaker_ThresholdReached_OpensThenAllowsOneTrial()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

        Assert.True(breaker.TryEnter(T0));
        Assert.False(breaker.RecordFailure(T0));
        Assert.True(breaker.RecordFailure(T0));
        Assert.False(breaker.TryEnter(T0.AddSeconds(29)));
        Assert.True(breaker.TryEnter(T0.AddSeconds(30)));
        Assert.False(breaker.TryEnter(T0.AddSeconds(30)));
        breaker.RecordSuccess();
        Assert.True(breaker.TryEnter(T0.AddSeconds(31)));
        Assert.False(breaker.IsOpen(T0.AddSeconds(31)));
    }

    [Fact]
    public void RetrySchedule_GrowsWithJitterWithinCapAndHonoursRetryAfter()
    {
        var options = new DispatcherOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(60) };

        for (var i = 0; i < 50; i++)
        {
            var first = RetrySchedule.DelayAfter(1, options, null);
            Assert.InRange(first, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
            Assert.InRange(RetrySchedule.DelayAfter(3, options, null), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
            Assert.InRange(RetrySchedule.DelayAfter(30, options, null), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        }

        Assert.Equal(TimeSpan.FromSeconds(120), RetrySchedule.DelayAfter(1, options, TimeSpan.FromSeconds(120)));
    }

    [Fact]
    public void MessageIdGenerator_SameMillisecond_IdsStrictlyIncreaseAndAreVersion7()
    {
        var generator = new MessageIdGenerator();

        var ids = Enumerable.Range(0, 10_000).Select(_ => new MessageId(generator.Next(T0))).ToArray();

        for (var i = 1; i < ids.Length; i++)
        {
            Assert.True(ids[i - 1] < ids[i]);
            Assert.True(string.CompareOrdinal(ids[i - 1].ToString(), ids[i].ToString()) < 0);
        }

        Assert.All(ids, id => Assert.Equal(7, id.Value.Version));
        Assert.Equal(10_000, ids.Distinct().Count());
    }
}

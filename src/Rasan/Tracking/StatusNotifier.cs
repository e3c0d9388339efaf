namespace Rasan.Tracking;

/// <summary>
/// Tells waiters in this process that some message statuses changed. Waiters take <see cref="Changed"/> before they
/// read statuses, so a change between their read and their wait is never missed.
/// </summary>
internal sealed class StatusNotifier
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/>.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Wakes every current waiter.</summary>
    public void Pulse()
        => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

namespace Rasan.Dispatch;

/// <summary>
/// Wakes the dispatcher when new work is stored, so it does not wait for its next poll. A signal given while the
/// dispatcher is busy is kept until it waits again.
/// </summary>
internal sealed class DispatchSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes the waiter, or the next one if none waits now.</summary>
    public void Notify() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>Waits for a signal or the timeout, whichever comes first, then resets.</summary>
    /// <returns>Whether a signal came.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _next);
        if (!signal.Task.IsCompleted)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout, time, timeoutSource.Token);
            await Task.WhenAny(signal.Task, delay);
            await timeoutSource.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (!signal.Task.IsCompleted)
        {
            return false;
        }

        Interlocked.CompareExchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), signal);
        return true;
    }
}

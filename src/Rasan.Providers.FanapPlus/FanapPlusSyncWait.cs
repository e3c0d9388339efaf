namespace Rasan.Providers.FanapPlus;

/// <summary>
/// How long a call asks FanapPlus to wait for delivery outcomes (<c>SyncDeliveryTimeout</c>): until the earliest time
/// a sender still waits for one of the call's messages (<see cref="OutgoingMessage.OutcomeAwaitedUntil"/>), at most the
/// contract's 20,000 ms and at most <see cref="FanapPlusOptions.Timeout"/> less
/// <see cref="FanapPlusDefaults.SyncDeliveryMargin"/>, so the answer arrives before the call gives up.
/// </summary>
internal static class FanapPlusSyncWait
{
    /// <summary>The wait for one call.</summary>
    /// <param name="call">The call's messages.</param>
    /// <param name="now">The time of the call.</param>
    /// <param name="callTimeout">The most the HTTP call may take.</param>
    /// <returns>Whole milliseconds, at least 1; <see langword="null"/> when nobody waits or no time is left for a wait.</returns>
    public static int? For(IEnumerable<FanapPlusDraft> call, DateTimeOffset now, TimeSpan callTimeout)
    {
        ArgumentNullException.ThrowIfNull(call);

        // A sender whose wait has already ended waits no more; the earliest of the others bounds the call.
        DateTimeOffset? earliest = null;
        foreach (var draft in call)
        {
            if (draft.Message.OutcomeAwaitedUntil is { } until && until > now && (earliest is null || until < earliest))
            {
                earliest = until;
            }
        }

        if (earliest is not { } awaited)
        {
            return null;
        }

        var limit = Math.Min(FanapPlusDefaults.MaxSyncDeliveryTimeout, callTimeout.TotalMilliseconds - FanapPlusDefaults.SyncDeliveryMargin);
        var milliseconds = Math.Floor(Math.Min((awaited - now).TotalMilliseconds, limit));
        return milliseconds >= 1 ? (int)milliseconds : null;
    }
}

namespace Rasan.Providers.Ghasedak;

/// <summary>
/// Maps <c>CheckSmsStatus</c> codes to delivery states: the official Python SDK's table (providers/ghasedak.md §6),
/// the one place to change should real sends prove the other table right.
/// </summary>
/// <remarks>
/// Not yet sent (0 to be confirmed, 2 to be sent, 3 sending, 9 paused, 17 processing), sent but not yet delivered (4
/// sent, 10 sent to provider, 11 delivered to provider) and 5 debug mode: pending. 14 delivered. 13 not delivered, 6
/// internal failure, 16 failed: failed. 1 rejected, 7 cancelled, 8 internal blacklist, 12 blacklisted, 15 blocked:
/// failed (rejected). Any other code reports nothing.
/// </remarks>
internal static class GhasedakMessageStatuses
{
    /// <summary>The delivery state of a status code.</summary>
    /// <param name="status">Ghasedak's code.</param>
    /// <returns>The state, or <see langword="null"/> for a code the table does not know.</returns>
    public static DeliveryState? ToDeliveryState(int status) => status switch
    {
        0 or 2 or 3 or 9 or 17 => DeliveryState.Pending,
        4 or 10 or 11 => DeliveryState.Pending,
        5 => DeliveryState.Pending,
        14 => DeliveryState.Delivered,
        13 or 6 or 16 => DeliveryState.Failed,
        1 or 7 or 8 or 12 or 15 => DeliveryState.Failed,
        _ => null,
    };
}

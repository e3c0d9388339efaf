namespace Rasan.Providers.Kavenegar;

/// <summary>Maps Kavenegar's message status codes (<c>entries[].status</c>) to delivery states.</summary>
/// <remarks>
/// 1 queued, 2 scheduled, 4 and 5 handed to the operator: pending. 10 delivered. 6 send failed, 11 not delivered,
/// 13 cancelled, 14 blocked: failed. 11 stays Failed rather than Expired: Kavenegar uses it for a phone that was off as
/// much as for an ended validity, and the poll does not know the message's own expiry. 100 (unknown or too old id)
/// and codes not listed here report nothing, so the message keeps its state until the engine gives up polling.
/// </remarks>
internal static class KavenegarMessageStatuses
{
    /// <summary>The delivery state of a status code.</summary>
    /// <param name="status">Kavenegar's code.</param>
    /// <returns>The state, or <see langword="null"/> when the code says nothing about the message.</returns>
    public static DeliveryState? ToDeliveryState(int status) => status switch
    {
        1 or 2 or 4 or 5 => DeliveryState.Pending,
        10 => DeliveryState.Delivered,
        6 or 11 or 13 or 14 => DeliveryState.Failed,
        _ => null,
    };
}

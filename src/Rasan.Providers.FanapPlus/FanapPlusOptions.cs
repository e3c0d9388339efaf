using System.ComponentModel.DataAnnotations;
using Rasan.Providers.Http;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Provider-wide settings of the FanapPlus provider. Accounts (service id, channel, private key, …) are data managed at
/// run time, never settings.
/// </summary>
public sealed class FanapPlusOptions
{
    /// <summary>
    /// The address of the FanapPlus service; messages are posted to <c>{BaseAddress}api/v6.0/message/post</c>. Change it
    /// only for a test server or a forwarding proxy. Must be an absolute <c>http</c> or <c>https</c> address without a
    /// query.
    /// </summary>
    /// <value>The default value is <c>https://xcp.fanap.plus/</c>.</value>
    [Required]
    [HttpBaseAddress]
    public Uri BaseAddress { get; set; } = new(FanapPlusDefaults.ServiceAddress);

    /// <summary>The most messages one <c>message/post</c> call carries, each signed.</summary>
    /// <value>The default value is 100; allowed 1 to 1,000.</value>
    [Range(1, FanapPlusDefaults.MaxMessagesPerCall)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>
    /// The most one HTTP call to FanapPlus may take, a safety net under the dispatcher's own per-attempt timeout. A call
    /// that runs out of it is a transient failure of its messages (code <c>timeout</c>); the retry of the same messages
    /// carries the same <c>Uid</c>. A call that waits for delivery outcomes (<c>SyncDeliveryTimeout</c>, when a sender
    /// waits) asks FanapPlus to wait at most this less 5 seconds, so below 6 seconds no call waits.
    /// </summary>
    /// <value>The default value is 30 seconds; allowed 1 second to 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The size in bytes above which a request body is sent gzip-compressed (<c>Content-Type: application/gzip</c>, as
    /// the guide recommends); bodies of this size or smaller go as plain JSON. <see langword="null"/> sends plain JSON
    /// always, the fallback should a FanapPlus front end not take gzip.
    /// </summary>
    /// <value>The default value is 8,192 bytes; allowed 0 or more, or <see langword="null"/>.</value>
    [Range(0, int.MaxValue)]
    public int? GzipThreshold { get; set; } = FanapPlusDefaults.GzipThreshold;

    /// <summary>
    /// The signature field order of accounts that do not set <c>signatureOrder</c> themselves.
    /// </summary>
    /// <value>The default value is <see cref="FanapPlusSignatureFieldOrder.UidThenSid"/>, the guide's documented pattern.</value>
    [EnumDataType(typeof(FanapPlusSignatureFieldOrder))]
    public FanapPlusSignatureFieldOrder SignatureFieldOrder { get; set; } = FanapPlusSignatureFieldOrder.UidThenSid;

    /// <summary>
    /// The operators' time zone, the clock of <see cref="PremiumQuietHoursStart"/> and <see cref="PremiumQuietHoursEnd"/>:
    /// an IANA id such as <c>Asia/Tehran</c> (or a Windows id). A zone this machine does not know fails start-up.
    /// </summary>
    /// <value>The default value is <c>Asia/Tehran</c>.</value>
    [Required]
    public string TimeZone { get; set; } = FanapPlusDefaults.TimeZone;

    /// <summary>
    /// The local time (in <see cref="TimeZone"/>) from which operators forbid <c>PremiumContent</c>. Such a message due
    /// in the quiet hours is not sent and not failed: it is scheduled for <see cref="PremiumQuietHoursEnd"/>. A start
    /// later than the end makes a window over midnight; a start equal to the end turns the quiet hours off.
    /// </summary>
    /// <value>The default value is 23:00, the guide's rule.</value>
    public TimeOnly PremiumQuietHoursStart { get; set; } = new(23, 0);

    /// <summary>The local time (in <see cref="TimeZone"/>) at which the <c>PremiumContent</c> quiet hours end.</summary>
    /// <value>The default value is 08:00, the guide's rule.</value>
    public TimeOnly PremiumQuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>
    /// What a <c>Details</c> status of FanapPlus's synchronous answer means for the message's delivery, by status name
    /// (matched without regard to case). The guide documents only <c>NotSupported</c>, which always fails the message
    /// and cannot be listed here; add the names FanapPlus turns out to use. A status not listed leaves the message
    /// accepted and waiting for a later report, and is logged at Debug.
    /// </summary>
    /// <value>
    /// The default value maps <c>Delivered</c> to <see cref="DeliveryState.Delivered"/>, <c>Failed</c>,
    /// <c>Undelivered</c> and <c>NotDelivered</c> to <see cref="DeliveryState.Failed"/>, and <c>Expired</c> to
    /// <see cref="DeliveryState.Expired"/>.
    /// </value>
    public IDictionary<string, DeliveryState> DeliveryStatuses { get; } = new Dictionary<string, DeliveryState>(StringComparer.OrdinalIgnoreCase)
    {
        ["Delivered"] = DeliveryState.Delivered,
        ["Failed"] = DeliveryState.Failed,
        ["Undelivered"] = DeliveryState.Failed,
        ["NotDelivered"] = DeliveryState.Failed,
        ["Expired"] = DeliveryState.Expired,
    };
}

using System.ComponentModel.DataAnnotations;

namespace Rasan.Providers.Kannel;

/// <summary>
/// Provider-wide settings of the Kannel provider. Account settings (the smsbox URL, the sendsms user and its password,
/// the SMSC route) are data on each account, never here.
/// </summary>
public sealed class KannelOptions
{
    /// <summary>
    /// The most messages the dispatcher hands to one send call. With delivery reports each message is its own
    /// <c>sendsms</c> request (its report address names it), run side by side; without them, messages with the same
    /// text and sender share one request of up to <see cref="MaxRecipientsPerRequest"/> recipients.
    /// </summary>
    /// <value>The default value is 50.</value>
    [Range(1, 1_000)]
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>
    /// The most recipients one <c>sendsms</c> request carries (Kannel's space-separated <c>to</c>) when the hub asks
    /// for no delivery reports; 1 sends every message on its own.
    /// </summary>
    /// <value>The default value is 50.</value>
    [Range(1, 500)]
    public int MaxRecipientsPerRequest { get; set; } = 50;

    /// <summary>How many <c>sendsms</c> requests of one batch run at the same time.</summary>
    /// <value>The default value is 8.</value>
    [Range(1, 128)]
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>
    /// The <c>dlr-mask</c> sent with each message when the hub has a callback address: the sum of 1 (delivered),
    /// 2 (not delivered), 4 (buffered at the SMSC), 8 (accepted by the SMSC) and 16 (rejected by the SMSC).
    /// </summary>
    /// <value>The default value is 31 (every report).</value>
    [Range(1, 31)]
    public int DlrMask { get; set; } = 31;
}

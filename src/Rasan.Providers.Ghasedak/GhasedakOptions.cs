using System.ComponentModel.DataAnnotations;
using Rasan.Providers.Http;

namespace Rasan.Providers.Ghasedak;

/// <summary>
/// Provider-wide settings of the Ghasedak provider. Accounts, their API keys and line numbers are data managed at run
/// time, never settings.
/// </summary>
public sealed class GhasedakOptions
{
    /// <summary>
    /// The address of the Ghasedak gateway API; calls go to <c>{BaseAddress}{Method}</c>, such as
    /// <c>{BaseAddress}SendSingleSMS</c>. Change it for the alternative host
    /// (<c>https://gw.ghasedak.me/Rest/api/v1/WebService/</c>), a test server or a forwarding proxy. Must be an
    /// absolute <c>http</c> or <c>https</c> address without a query.
    /// </summary>
    /// <value>The default value is <c>https://gateway.ghasedak.me/rest/api/v1/WebService/</c>.</value>
    [Required]
    [HttpBaseAddress]
    public Uri BaseAddress { get; set; } = new(GhasedakDefaults.GatewayAddress);

    /// <summary>The most messages one send call carries (the <c>items</c> of <c>SendPairToPairSMS</c>).</summary>
    /// <value>The default value is 100; allowed 1 to 500.</value>
    [Range(1, GhasedakDefaults.MaxSendItems)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>The most message ids one <c>CheckSmsStatus</c> call asks about (Ghasedak takes at most 100).</summary>
    /// <value>The default value is 100; allowed 1 to 100.</value>
    [Range(1, GhasedakDefaults.MaxStatusIds)]
    public int MaxPollBatchSize { get; set; } = GhasedakDefaults.MaxStatusIds;

    /// <summary>How long after a message is sent its first delivery-status poll is made.</summary>
    /// <value>The default value is 30 seconds; allowed 0 to 1 day.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most one HTTP call to Ghasedak may take, a safety net under the dispatcher's own per-attempt timeout. A call
    /// that runs out of it is a transient failure of its messages (code <c>timeout</c>); their
    /// <c>clientReferenceId</c>s make the retry safe.
    /// </summary>
    /// <value>The default value is 30 seconds; allowed 1 second to 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether a batch whose messages all share one text and line goes in one <c>SendBulkSMS</c> call instead of
    /// <c>SendPairToPairSMS</c>. <c>SendBulkSMS</c> takes one <c>clientReferenceId</c> for the whole call, so a retry is
    /// recognised only when it carries exactly the same messages (the reference is derived from their ids); a retry
    /// regrouped differently may be sent, and billed, twice. <c>SendPairToPairSMS</c> carries each message's own id.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: every batch of several messages uses <c>SendPairToPairSMS</c>.</value>
    public bool UseBulkForSameText { get; set; }
}

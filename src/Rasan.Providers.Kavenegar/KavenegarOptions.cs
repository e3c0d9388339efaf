using System.ComponentModel.DataAnnotations;
using Rasan.Providers.Http;

namespace Rasan.Providers.Kavenegar;

/// <summary>
/// Provider-wide settings of the Kavenegar provider. Accounts, their API keys and sender lines are data managed at run
/// time, never settings.
/// </summary>
public sealed class KavenegarOptions
{
    /// <summary>
    /// The address of the Kavenegar REST API; calls go to <c>{BaseAddress}v1/{key}/{scope}/{method}.json</c>. Change it
    /// only for a test server or a forwarding proxy. Must be an absolute <c>http</c> or <c>https</c> address.
    /// </summary>
    /// <value>The default value is <c>https://api.kavenegar.com/</c>.</value>
    [Required]
    [HttpBaseAddress]
    public Uri BaseAddress { get; set; } = new("https://api.kavenegar.com/");

    /// <summary>
    /// The most messages one send call carries (Kavenegar takes at most 200 receptors per <c>sms/send</c> or
    /// <c>sms/sendarray</c>).
    /// </summary>
    /// <value>The default value is 200; allowed 1 to 200.</value>
    [Range(1, 200)]
    public int MaxBatchSize { get; set; } = 200;

    /// <summary>The most message ids one <c>sms/status</c> call asks about (Kavenegar takes at most 500).</summary>
    /// <value>The default value is 500; allowed 1 to 500.</value>
    [Range(1, 500)]
    public int MaxPollBatchSize { get; set; } = 500;

    /// <summary>How long after a message is sent its first delivery-status poll is made.</summary>
    /// <value>The default value is 30 seconds; allowed 0 to 1 day.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most one HTTP call to Kavenegar may take, a safety net under the dispatcher's own per-attempt timeout. A
    /// call that runs out of it is a transient failure of its messages (code <c>timeout</c>); their local ids make the
    /// retry safe.
    /// </summary>
    /// <value>The default value is 30 seconds; allowed 1 second to 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

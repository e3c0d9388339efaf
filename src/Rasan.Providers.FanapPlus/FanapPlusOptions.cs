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
    /// carries the same <c>Uid</c>.
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
}

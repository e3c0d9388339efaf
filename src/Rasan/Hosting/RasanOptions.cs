using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Rasan;

/// <summary>Hub-wide settings of the Rasan engine. Bound from the <c>Rasan</c> configuration section by the host.</summary>
public sealed class RasanOptions
{
    /// <summary>The region (ISO 3166 two-letter code) local phone numbers are read in.</summary>
    /// <value>The default value is <c>IR</c>, so 0912..., 98912... and 0098912... all read as +98912....</value>
    [Required]
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultRegion { get; set; } = "IR";

    /// <summary>The most recipients (or batch messages) one request may carry.</summary>
    /// <value>The default value is 1,000.</value>
    [Range(1, 1_000_000)]
    public int MaxRecipientsPerRequest { get; set; } = 1_000;

    /// <summary>The longest message text, in UTF-16 characters.</summary>
    /// <value>The default value is 1,600 (a 25-part Persian SMS is about 1,675).</value>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 1_600;

    /// <summary>The most tags one message may carry.</summary>
    /// <value>The default value is 10.</value>
    [Range(0, 100)]
    public int MaxTags { get; set; } = 10;

    /// <summary>The longest tag.</summary>
    /// <value>The default value is 64.</value>
    [Range(1, 256)]
    public int MaxTagLength { get; set; } = 64;

    /// <summary>The longest idempotency key (at most 200, the stores' column size).</summary>
    /// <value>The default value is 128.</value>
    [Range(8, 200)]
    public int MaxIdempotencyKeyLength { get; set; } = 128;

    /// <summary>The most messages written in one group commit; concurrent accepts beyond it wait for the next one.</summary>
    /// <value>The default value is 5,000.</value>
    [Range(1, 1_000_000)]
    public int GroupCommitMaxMessages { get; set; } = 5_000;

    /// <summary>The dispatcher's settings.</summary>
    [ValidateObjectMembers]
    public DispatcherOptions Dispatcher { get; set; } = new();

    /// <summary>The delivery-callback settings.</summary>
    [ValidateObjectMembers]
    public CallbackOptions Callbacks { get; set; } = new();
}

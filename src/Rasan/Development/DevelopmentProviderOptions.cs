using System.ComponentModel.DataAnnotations;

namespace Rasan.Development;

/// <summary>Settings of the development provider.</summary>
public sealed class DevelopmentProviderOptions
{
    /// <summary>How long after a message is sent it reports Delivered.</summary>
    /// <value>The default value is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DeliveryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A file to which every send attempt is appended as one line (<c>message id, attempt, recipient</c>), so tests and
    /// demos can count sends across restarts. <see langword="null"/> keeps the record in memory only.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? LedgerPath { get; set; }
}

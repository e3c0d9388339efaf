using System.ComponentModel.DataAnnotations;

namespace Rasan;

/// <summary>
/// Where providers that report delivery by calling back (Kannel's DLRs, webhooks) reach the hub, and the key that
/// signs each callback address so a caller cannot report on messages it was not given.
/// </summary>
public sealed class CallbackOptions
{
    /// <summary>
    /// The hub's address as the providers reach it, up to where <c>MapRasan()</c> is mapped, such as
    /// <c>http://10.0.0.5:5080/</c>; callbacks go to <c>{BaseUrl}api/v1/callbacks/{provider}/{account}</c>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: no callback address is given to providers, so those that
    /// report only by callback leave their messages Sent.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>The secret that signs callback addresses; every host of one hub must have the same one.</summary>
    /// <value>The default value is <see langword="null"/>. Required, at least 32 characters, when <see cref="BaseUrl"/> is set.</value>
    public string? SigningKey { get; set; }

    /// <summary>
    /// How long a callback that arrives before its message is recorded Sent (the provider answered, the dispatcher has
    /// not written it yet) is retried before it is given up.
    /// </summary>
    /// <value>The default value is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan EarlyReportWait { get; set; } = TimeSpan.FromSeconds(10);
}

namespace Rasan.AspNetCore.Contracts;

/// <summary>
/// The body of <c>POST /api/v1/accounts</c> (every field) and <c>PATCH /api/v1/accounts/{accountId}</c> (only what
/// changes; provider and channel cannot change). In a patch, a setting set to null is removed and a setting left out
/// is kept, so secrets need not be sent again.
/// </summary>
internal sealed class AccountRequest
{
    /// <summary>A unique name, 1 to 200 characters, such as "kavenegar-main".</summary>
    public string? Name { get; set; }

    /// <summary>The provider type, such as "kavenegar", "ghasedak", "kannel" or "fanapplus".</summary>
    public string? Provider { get; set; }

    /// <summary>The channel; the provider's own by default.</summary>
    public string? Channel { get; set; }

    /// <summary>The sender line or name, if the provider uses one.</summary>
    public string? Sender { get; set; }

    /// <summary>Whether it sends; true by default.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The most messages a second through it; 0 (the default) for no limit.</summary>
    public double? RateLimitPerSecond { get; set; }

    /// <summary>The provider's fields (keys, passwords, settings), as the provider names them.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; set; }
}

namespace Rasan.AspNetCore;

/// <summary>Names the Rasan API registers, for hosts that protect their own endpoints with Rasan API tokens.</summary>
public static class RasanApiDefaults
{
    /// <summary>The authentication scheme that reads API tokens from <c>Authorization: Bearer</c>.</summary>
    public const string AuthenticationScheme = "RasanApiToken";

    /// <summary>The authorization policy for callers whose token has the <c>send</c> scope.</summary>
    public const string SendPolicy = "Rasan.Send";

    /// <summary>The authorization policy for callers whose token has the <c>read</c> scope.</summary>
    public const string ReadPolicy = "Rasan.Read";

    /// <summary>The authorization policy for callers whose token has the <c>manage</c> scope.</summary>
    public const string ManagePolicy = "Rasan.Manage";

    /// <summary>The rate-limiting policy <c>MapRasan()</c> puts on the API: one token bucket per API token.</summary>
    public const string RateLimitPolicy = "Rasan.PerToken";

    /// <summary>The authorization policy for callers whose token has the <c>admin</c> scope (hub-wide administration).</summary>
    public const string AdminPolicy = "Rasan.Admin";
}

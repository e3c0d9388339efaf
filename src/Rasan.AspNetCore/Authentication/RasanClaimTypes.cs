namespace Rasan.AspNetCore.Authentication;

/// <summary>The claims an authenticated API token carries.</summary>
internal static class RasanClaimTypes
{
    public const string ServiceId = "rasan:service_id";

    public const string Scope = "rasan:scope";

    /// <summary>The id of the API token the caller presented.</summary>
    public const string TokenId = "rasan:token_id";

    /// <summary>The visible prefix of the API token the caller presented.</summary>
    public const string TokenPrefix = "rasan:token_prefix";
}

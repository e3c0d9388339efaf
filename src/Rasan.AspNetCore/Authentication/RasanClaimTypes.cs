namespace Rasan.AspNetCore.Authentication;

/// <summary>The claims an authenticated API token carries.</summary>
internal static class RasanClaimTypes
{
    public const string ServiceId = "rasan:service_id";

    public const string Scope = "rasan:scope";
}

namespace Rasan.AspNetCore.Endpoints;

/// <summary>The API's paths.</summary>
internal static class RasanEndpointPaths
{
    public const string Prefix = "/api/v1";
}

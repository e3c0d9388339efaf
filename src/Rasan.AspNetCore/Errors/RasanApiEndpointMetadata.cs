namespace Rasan.AspNetCore.Errors;

/// <summary>Marks the endpoints <c>MapRasan()</c> maps.</summary>
internal sealed class RasanApiEndpointMetadata
{
    public static RasanApiEndpointMetadata Instance { get; } = new();
}

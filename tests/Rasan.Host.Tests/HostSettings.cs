namespace Rasan.Host.Tests;

/// <summary>Environment-variable names of the standalone host's settings.</summary>
internal static class HostSettings
{
    /// <summary>The configuration section the engine's options are bound from.</summary>
    public const string Engine = "Rasan";
}

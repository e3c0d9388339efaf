namespace Rasan.Telemetry;

/// <summary>Names used by Rasan's traces and metrics.</summary>
public static class RasanTelemetry
{
    /// <summary>The name of Rasan's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "Rasan";

    /// <summary>Tag: the provider type, such as <c>kavenegar</c>.</summary>
    public const string ProviderTag = "rasan.provider";

    /// <summary>Tag: a message status.</summary>
    public const string StatusTag = "rasan.status";
}

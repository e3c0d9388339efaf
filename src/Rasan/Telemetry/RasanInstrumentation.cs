using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rasan.Telemetry;

/// <summary>Owns Rasan's activity source and meter and the instruments on it.</summary>
internal sealed class RasanInstrumentation : IDisposable
{
    public RasanInstrumentation()
    {
        var version = typeof(RasanInstrumentation).Assembly.GetName().Version?.ToString();
        ActivitySource = new ActivitySource(RasanTelemetry.Name, version);
        Meter = new Meter(RasanTelemetry.Name, version);
        MessagesAccepted = Meter.CreateCounter<long>("rasan.messages.accepted", "{message}", "Messages durably accepted.");
        GroupCommitSize = Meter.CreateHistogram<int>("rasan.accept.group_commit.requests", "{request}", "Requests written per group commit.");
        MessagesCompleted = Meter.CreateCounter<long>("rasan.messages.dispatched", "{message}", "Dispatcher outcomes by status.");
        ProviderCallDuration = Meter.CreateHistogram<double>("rasan.provider.call.duration", "s", "Duration of provider send calls.");
        DeliveryReports = Meter.CreateCounter<long>("rasan.delivery.reports", "{report}", "Delivery reports applied.");
    }

    public ActivitySource ActivitySource { get; }

    public Meter Meter { get; }

    public Counter<long> MessagesAccepted { get; }

    public Histogram<int> GroupCommitSize { get; }

    public Counter<long> MessagesCompleted { get; }

    public Histogram<double> ProviderCallDuration { get; }

    public Counter<long> DeliveryReports { get; }

    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}

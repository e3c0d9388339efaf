using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rasan.Testing.Providers;

/// <summary>
/// Listens to every <see cref="ActivitySource"/> in the process (sampling all data) and keeps each stopped activity's
/// names, tags, events and status, so tests can check that no secret reaches a trace. Sources named in
/// <paramref name="excludedSources"/> are not listened to (a fake server's own side, for example).
/// </summary>
public sealed class ActivityRecorder : IDisposable
{
    /// <summary>The ASP.NET Core hosting source: the fake servers' side of a call, not the provider's.</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    private readonly ConcurrentQueue<RecordedActivity> _activities = new();
    private readonly ActivityListener _listener;

    /// <summary>Starts listening.</summary>
    /// <param name="excludedSources">Source names not to listen to; by default the ASP.NET Core hosting source.</param>
    public ActivityRecorder(params string[] excludedSources)
    {
        var excluded = excludedSources.Length == 0 ? [AspNetCoreSource] : excludedSources;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => !excluded.Contains(source.Name, StringComparer.Ordinal),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            SampleUsingParentId = static (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _activities.Enqueue(RecordedActivity.From(activity)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The activities stopped so far (of this process: parallel tests' too).</summary>
    public IReadOnlyList<RecordedActivity> Activities => [.. _activities];

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}

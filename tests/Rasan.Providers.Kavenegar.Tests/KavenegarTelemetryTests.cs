using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using Microsoft.Extensions.Logging;
using Rasan.Providers.Kavenegar.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.Kavenegar.Tests;

/// <summary>
/// Where .NET's own HTTP diagnostics put Kavenegar's API key (it is in the URL path), and that the provider's client
/// keeps it out of every log entry and trace.
/// </summary>
public sealed class KavenegarTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DefaultHttpClient_CallWithTheKeyInThePath_LeaksTheKeyInTheSystemNetHttpActivityUrlFull()
    {
        // Why the provider builds its own primary handler: the default one traces the full address.
        await using var fake = new FakeKavenegarServer();
        await fake.StartAsync(Ct);
        using var activities = new ActivityRecorder();
        using var client = new HttpClient { BaseAddress = fake.BaseAddress };

        using var response = await client.PostAsync($"v1/{fake.DefaultAccount.Key}/account/info.json", content: null, Ct);

        var request = Assert.Single(activities.Activities, a => a.Source == "System.Net.Http" && a.AllText.Contains(fake.DefaultAccount.Key, StringComparison.Ordinal));
        Assert.Contains(request.Tags, t => t.Key == "url.full" && t.Value!.Contains(fake.DefaultAccount.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KavenegarClient_EveryKindOfCall_CreatesNoRequestActivityAndNoTagCarriesTheKey()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        using var activities = new ActivityRecorder();
        var key = harness.Fake.DefaultAccount.Key;

        var outcomes = await harness.SendAsync(KavenegarHarness.Message("+989121234567"));
        await harness.Provider.PollAsync(
            harness.Context(), [new SentMessage(MessageId.New(DateTimeOffset.UtcNow), outcomes[0].ProviderMessageId, "+989121234567", DateTimeOffset.UtcNow)], Ct);
        await harness.Provider.GetAccountInfoAsync(harness.Context(), Ct);

        // The connection-level activities (socket connect, connection set-up) still appear: host and port only.
        var mine = activities.Activities.Where(a => a.AllText.Contains(harness.Fake.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(mine);
        Assert.DoesNotContain(mine, a => a.OperationName == "System.Net.Http.HttpRequestOut");
        Assert.DoesNotContain(activities.Activities, a => a.AllText.Contains(key, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task KavenegarClient_Calls_LogTheAddressWithTheKeyMaskedAndNoDefaultHttpClientLogging()
    {
        await using var harness = await KavenegarHarness.StartAsync();

        await harness.SendAsync(KavenegarHarness.Message("+989121234567"));

        var records = harness.Services.Logs.GetSnapshot();
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        var finished = Assert.Single(records, r => r.Id.Id == 12001);
        Assert.Contains("/v1/***/sms/send.json", finished.Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Debug, finished.Level);
        Assert.DoesNotContain(harness.Services.LogTexts(), t => t.Contains(harness.Fake.DefaultAccount.Key, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task KavenegarClient_Calls_NoDiagnosticListenerEventOrMetricTagCarriesTheKey()
    {
        await using var harness = await KavenegarHarness.StartAsync();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == "HttpHandlerDiagnosticListener")
            {
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e => seen.Enqueue($"{e.Key} {e.Value}")));
            }
        }));
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith("System.Net", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        var measured = 0;
        meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        meters.Start();

        await harness.SendAsync(KavenegarHarness.Message("+989121234567"));
        await harness.Provider.GetAccountInfoAsync(harness.Context(), Ct);
        meters.RecordObservableInstruments();

        Assert.True(Volatile.Read(ref measured) > 0, "The System.Net meters recorded the calls.");
        Assert.DoesNotContain(seen, e => e.Contains(harness.Fake.DefaultAccount.Key, StringComparison.OrdinalIgnoreCase));

        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            Interlocked.Increment(ref measured);
            foreach (var tag in tags)
            {
                seen.Enqueue($"{instrument.Name} {tag.Key}={tag.Value}");
            }
        }
    }

    [Fact]
    public async Task HttpTelemetryEventSource_KavenegarCall_RequestStartCarriesThePathWithTheKey()
    {
        // Documents a residual outside the client's handler chain: the "System.Net.Http" EventSource (seen only by
        // dotnet-trace or an in-process EventListener) writes RequestStart with the path and query.
        await using var harness = await KavenegarHarness.StartAsync();
        using var listener = new HttpEventListener();

        await harness.SendAsync(KavenegarHarness.Message("+989121234567"));

        var key = harness.Fake.DefaultAccount.Key;
        Assert.Contains(listener.Payloads, p => p.StartsWith("RequestStart:", StringComparison.Ordinal) && p.Contains($"/v1/{key}/sms/send.json", StringComparison.Ordinal));
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => onNext(value);
    }

    private sealed class HttpEventListener : EventListener
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _payloads = new();

        public IReadOnlyList<string> Payloads => [.. _payloads];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "System.Net.Http")
            {
                EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventSource.Name == "System.Net.Http" && eventData.Payload is { } payload)
            {
                _payloads.Enqueue($"{eventData.EventName}: {string.Join(", ", payload)}");
            }
        }
    }
}

using System.Diagnostics.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rasan.Providers.Ghasedak.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.Ghasedak.Tests;

/// <summary>The API key travels in the <c>ApiKey</c> header: it must reach no log, trace tag or diagnostics event.</summary>
public sealed class GhasedakTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GhasedakClient_EveryKindOfCall_SendsTheKeyOnlyInTheApiKeyHeader()
    {
        await using var harness = await GhasedakHarness.StartAsync();

        await RunEveryKindOfCallAsync(harness);

        Assert.All(harness.Fake.RequestHeaderNames, names => Assert.Contains("ApiKey", names));
        Assert.All(harness.Fake.Requests, r => Assert.DoesNotContain(harness.Fake.DefaultAccount.ApiKey, r.Path, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GhasedakClient_EveryKindOfCall_KeepsTheRequestActivityWithoutTheKeyAndSendsNoTraceHeaders()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        using var activities = new ActivityRecorder();

        await RunEveryKindOfCallAsync(harness);

        var port = $"127.0.0.1:{harness.Fake.BaseAddress.Port}/";
        var requests = activities.Activities
            .Where(a => a.OperationName == "System.Net.Http.HttpRequestOut" && a.AllText.Contains(port, StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(3, requests.Length);
        Assert.DoesNotContain(activities.Activities, a => a.AllText.Contains(harness.Fake.DefaultAccount.ApiKey, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(requests.SelectMany(a => a.Tags), t => t.Key.StartsWith("http.request.header", StringComparison.Ordinal));
        Assert.All(harness.Fake.RequestHeaderNames, names => Assert.DoesNotContain(names, n => n.Equals("traceparent", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task GhasedakClient_Calls_LogByMethodWithoutHeadersAndWithoutDefaultHttpClientLogging()
    {
        await using var harness = await GhasedakHarness.StartAsync();

        await RunEveryKindOfCallAsync(harness);

        var records = harness.Services.Logs.GetSnapshot();
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        var call = Assert.Single(records, r => r.Id.Id == 12001 && r.Message.Contains("SendSingleSMS", StringComparison.Ordinal));
        Assert.StartsWith("Ghasedak POST /rest/api/v1/WebService/SendSingleSMS (", call.Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Debug, call.Level);
        Assert.DoesNotContain(harness.Services.LogTexts(), t => t.Contains(harness.Fake.DefaultAccount.ApiKey, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GhasedakClient_HostTurnsOffHeaderRedactionForAllClients_StillLogsNoKey()
    {
        await using var harness = await GhasedakHarness.StartAsync(services: s => s.ConfigureHttpClientDefaults(b => b.AddDefaultLogger().RedactLoggedHeaders(_ => false)));

        await RunEveryKindOfCallAsync(harness);

        Assert.DoesNotContain(harness.Services.LogTexts(), t => t.Contains(harness.Fake.DefaultAccount.ApiKey, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task HttpTelemetryEventSource_GhasedakCall_CarriesNoKey()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        using var listener = new HttpEventListener();

        await RunEveryKindOfCallAsync(harness);

        Assert.Contains(listener.Payloads, p => p.StartsWith("RequestStart:", StringComparison.Ordinal) && p.Contains("SendSingleSMS", StringComparison.Ordinal));
        Assert.DoesNotContain(listener.Payloads, p => p.Contains(harness.Fake.DefaultAccount.ApiKey, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GhasedakClient_RedirectedCall_IsNotFollowedSoTheKeyGoesNowhereElse()
    {
        await using var harness = await GhasedakHarness.StartAsync();
        harness.Fake.Inject(FakeGhasedakFault.Redirect());

        var outcome = Assert.Single(await harness.SendAsync(GhasedakHarness.Message("+989121234567")));

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal("307", outcome.Code);
        Assert.EndsWith("/SendSingleSMS", Assert.Single(harness.Fake.Requests).Path, StringComparison.Ordinal);
    }

    private static async Task RunEveryKindOfCallAsync(GhasedakHarness harness)
    {
        var message = GhasedakHarness.Message("+989121234567");
        var outcome = Assert.Single(await harness.SendAsync(message));
        await harness.PollAsync(GhasedakHarness.Sent(message, outcome));
        await harness.Provider.GetAccountInfoAsync(harness.Context(), Ct);
    }

    /// <summary>Every event of the <c>System.Net.Http</c> event source, flattened to "name: payload".</summary>
    private sealed class HttpEventListener : EventListener
    {
        private const string Source = "System.Net.Http";
        private readonly System.Collections.Concurrent.ConcurrentBag<string> _events = [];

        public IReadOnlyCollection<string> Payloads => _events;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name is Source)
            {
                EnableEvents(eventSource, EventLevel.LogAlways, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventSource.Name is Source)
            {
                _events.Add(eventData.EventName + ": " + string.Join(", ", eventData.Payload ?? []));
            }
        }
    }
}

using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers;

namespace Rasan.Benchmarks;

/// <summary>
/// What a provider's own code costs per send call, with the network taken out: each provider's HTTP client answers
/// from memory (<see cref="CannedHttpHandler"/>), so an operation is request building, the HTTP client pipeline and
/// answer parsing. The baseline posts a ready-made form of the same size through a plain <see cref="HttpClient"/> on
/// the same in-memory handler and reads the answer as a string: the floor any HTTP provider pays.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class ProviderCodecBenchmarks
{
    private const int Batch = 200;

    private ServiceProvider _services = null!;
    private HttpClient _plain = null!;
    private FormUrlEncodedContent _readyForm = null!;
    private IMessageProvider _kavenegar = null!;
    private IMessageProvider _kannel = null!;
    private ProviderContext _kavenegarAccount = null!;
    private ProviderContext _kannelAccount = null!;
    private OutgoingMessage[] _messages = null!;
    private string _kavenegarAnswer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _messages = [.. Enumerable.Range(0, Batch).Select(i => new OutgoingMessage
        {
            Id = MessageId.New(DateTimeOffset.UtcNow),
            To = string.Create(CultureInfo.InvariantCulture, $"+98912{i:D7}"),
            Text = "کد ورود شما 482913 است",
            Sender = "10004346",
        })];
        _kavenegarAnswer = KavenegarAnswer(_messages);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRasan().AddInMemoryStores().AddKavenegar().AddKannel(o => o.MaxRecipientsPerRequest = Batch);
        services.AddHttpClient("Rasan.Providers.Kavenegar")
            .ConfigurePrimaryHttpMessageHandler(() => new CannedHttpHandler(_ => _kavenegarAnswer, "application/json"));
        services.AddHttpClient("Rasan.Providers.Kannel")
            .ConfigurePrimaryHttpMessageHandler(() => new CannedHttpHandler(_ => "0: Accepted for delivery", "text/html"));
        _services = services.BuildServiceProvider();
        var providers = _services.GetServices<IMessageProvider>().ToDictionary(p => p.Descriptor.Type);
        _kavenegar = providers["kavenegar"];
        _kannel = providers["kannel"];
        _kavenegarAccount = new ProviderContext(Account("kavenegar", new() { ["apiKey"] = "0123456789ABCDEF0123456789ABCDEF" }));
        _kannelAccount = new ProviderContext(Account("kannel", new()
        {
            ["url"] = "http://127.0.0.1:13013/cgi-bin/sendsms", ["username"] = "rasan", ["password"] = "secret",
        }));

        _plain = new HttpClient(new CannedHttpHandler(_ => _kavenegarAnswer, "application/json")) { BaseAddress = new Uri("http://127.0.0.1/") };
        _readyForm = new FormUrlEncodedContent(
        [
            new("receptor", string.Join(',', _messages.Select(m => "0" + m.To[3..]))),
            new("message", _messages[0].Text),
            new("sender", "10004346"),
            new("localid", string.Join(',', _messages.Select((_, i) => (4_611_686_018_427_387_903L - i).ToString(CultureInfo.InvariantCulture)))),
        ]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _readyForm.Dispose();
        _services.Dispose();
    }

    /// <summary>A ready-made 200-recipient form posted and its 200-entry answer read as a string.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> PlainHttpClient_PostReadyFormReadAnswer()
    {
        using var response = await _plain.PostAsync(new Uri("v1/KEY/sms/send.json", UriKind.Relative), _readyForm);
        return (await response.Content.ReadAsStringAsync()).Length;
    }

    /// <summary>Kavenegar: one <c>sms/send</c> for 200 messages (form with local ids), its JSON answer matched to them.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SendOutcome>> Kavenegar_Send200() => _kavenegar.SendAsync(_kavenegarAccount, _messages, CancellationToken.None);

    /// <summary>Kannel without delivery reports: 200 messages with one text in one <c>sendsms</c> call.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SendOutcome>> Kannel_Send200SharedCall() => _kannel.SendAsync(_kannelAccount, _messages, CancellationToken.None);

    /// <summary>Kannel with delivery reports: 200 <c>sendsms</c> calls, each with its own signed report address.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SendOutcome>> Kannel_Send200WithReports()
        => _kannel.SendAsync(_kannelAccount with { CallbackUrl = id => new Uri($"http://hub.example/api/v1/callbacks/kannel/a?mid={id}&sig=0123456789abcdefghijkl") }, _messages, CancellationToken.None);

    private static ProviderAccount Account(string type, Dictionary<string, string> settings) => new()
    {
        Id = AccountId.New(DateTimeOffset.UtcNow),
        Name = type,
        ProviderType = type,
        Channel = Channel.Sms,
        Sender = "10004346",
        Settings = settings,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private static string KavenegarAnswer(OutgoingMessage[] messages)
    {
        var json = new StringBuilder("""{"return":{"status":200,"message":"تایید شد"},"entries":[""");
        for (var i = 0; i < messages.Length; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"messageid":{{8792343 + i}},"message":"{{messages[i].Text}}","status":1,"statustext":"در صف ارسال","sender":"10004346","receptor":"0{{messages[i].To[3..]}}","date":1356619709,"cost":120}""");
        }

        return json.Append("]}").ToString();
    }
}

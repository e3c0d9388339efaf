using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.Ghasedak.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.Ghasedak.Tests;

/// <summary>A started fake Ghasedak gateway and the provider registered through <c>AddGhasedak</c>, pointed at it.</summary>
internal sealed class GhasedakHarness : IAsyncDisposable
{
    private GhasedakHarness(FakeGhasedakServer fake, ProviderTestServices services)
    {
        Fake = fake;
        Services = services;
    }

    public FakeGhasedakServer Fake { get; }

    public ProviderTestServices Services { get; }

    public GhasedakProvider Provider => Assert.IsType<GhasedakProvider>(Services.Provider);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<GhasedakHarness> StartAsync(Action<GhasedakOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var fake = new FakeGhasedakServer();
        try
        {
            await fake.StartAsync(Ct);
            return new GhasedakHarness(fake, ProviderTestServices.Create(
                b => b.AddGhasedak(o =>
                {
                    o.BaseAddress = fake.GatewayAddress;
                    configure?.Invoke(o);
                }),
                services));
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    public static OutgoingMessage Message(string to, string text = "سلام", string? line = FakeGhasedakServer.DefaultLine) => new()
    {
        Id = MessageId.New(DateTimeOffset.UtcNow),
        To = to,
        Text = text,
        Sender = line,
    };

    public static SentMessage Sent(OutgoingMessage message, SendOutcome outcome)
        => new(message.Id, outcome.ProviderMessageId, message.To, DateTimeOffset.UtcNow);

    public ProviderContext Context(string? line = FakeGhasedakServer.DefaultLine, string? apiKey = null)
    {
        var account = Fake.CreateAccount() with { Sender = line };
        return new ProviderContext(apiKey is null ? account : account with { Settings = new Dictionary<string, string> { ["apiKey"] = apiKey } });
    }

    public Task<IReadOnlyList<SendOutcome>> SendAsync(params OutgoingMessage[] messages) => Provider.SendAsync(Context(), messages, Ct);

    public Task<IReadOnlyList<DeliveryReport>> PollAsync(params SentMessage[] messages) => Provider.PollAsync(Context(), messages, Ct);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

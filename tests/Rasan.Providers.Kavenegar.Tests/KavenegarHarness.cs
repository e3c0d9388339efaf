using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.Kavenegar.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.Kavenegar.Tests;

/// <summary>A started fake Kavenegar server and the provider registered through <c>AddKavenegar</c>, pointed at it.</summary>
internal sealed class KavenegarHarness : IAsyncDisposable
{
    private KavenegarHarness(FakeKavenegarServer fake, ProviderTestServices services)
    {
        Fake = fake;
        Services = services;
    }

    public FakeKavenegarServer Fake { get; }

    public ProviderTestServices Services { get; }

    public KavenegarProvider Provider => Assert.IsType<KavenegarProvider>(Services.Provider);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<KavenegarHarness> StartAsync(Action<KavenegarOptions>? configure = null)
    {
        var fake = new FakeKavenegarServer();
        await fake.StartAsync(Ct);
        try
        {
            var services = ProviderTestServices.Create(b => b.AddKavenegar(o =>
            {
                o.BaseAddress = fake.BaseAddress;
                configure?.Invoke(o);
            }));
            return new KavenegarHarness(fake, services);
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    public ProviderContext Context(string? sender = FakeKavenegarServer.DefaultLine, string? apiKey = null)
    {
        var account = Fake.CreateAccount() with { Sender = sender };
        if (apiKey is not null)
        {
            account = account with { Settings = new Dictionary<string, string> { ["apiKey"] = apiKey } };
        }

        return new ProviderContext(account);
    }

    public static OutgoingMessage Message(string to, string text = "سلام", string? sender = FakeKavenegarServer.DefaultLine) => new()
    {
        Id = MessageId.New(DateTimeOffset.UtcNow),
        To = to,
        Text = text,
        Sender = sender,
    };

    public Task<IReadOnlyList<SendOutcome>> SendAsync(params OutgoingMessage[] messages)
        => Provider.SendAsync(Context(), messages, Ct);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>A started fake FanapPlus and the provider registered through <c>AddFanapPlus</c>, pointed at it.</summary>
internal sealed class FanapPlusHarness : IAsyncDisposable
{
    private FanapPlusHarness(FakeFanapPlusServer fake, ProviderTestServices services)
    {
        Fake = fake;
        Services = services;
    }

    public FakeFanapPlusServer Fake { get; }

    public ProviderTestServices Services { get; }

    public FanapPlusProvider Provider => Assert.IsType<FanapPlusProvider>(Services.Provider);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<FanapPlusHarness> StartAsync(Action<FanapPlusOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var fake = new FakeFanapPlusServer();
        try
        {
            await fake.StartAsync(Ct);
            return new FanapPlusHarness(fake, ProviderTestServices.Create(
                b => b.AddFanapPlus(o =>
                {
                    o.BaseAddress = fake.BaseAddress;
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

    public static OutgoingMessage Message(
        string to = "+989121234567",
        string text = "سلام از رسان",
        MessagePriority priority = MessagePriority.Normal,
        DateTimeOffset? expiresAt = null,
        Dictionary<string, string>? options = null) => new()
    {
        Id = MessageId.New(DateTimeOffset.UtcNow),
        To = to,
        Text = text,
        Priority = priority,
        ExpiresAt = expiresAt,
        ProviderOptions = options ?? new Dictionary<string, string>(),
    };

    public static OutgoingMessage[] Messages(int count, Func<int, string>? text = null)
        => [.. Enumerable.Range(0, count).Select(i => Message($"+98912{3_000_000 + i:D7}", text?.Invoke(i) ?? "one text for all"))];

    /// <summary>The fake's default account, with settings changed or added (a <see langword="null"/> value removes one).</summary>
    public ProviderAccount Account(params (string Name, string? Value)[] settings)
    {
        var account = Fake.CreateAccount();
        var values = new Dictionary<string, string>(account.Settings);
        foreach (var (name, value) in settings)
        {
            if (value is null)
            {
                values.Remove(name);
            }
            else
            {
                values[name] = value;
            }
        }

        return account with { Settings = values };
    }

    public Task<IReadOnlyList<SendOutcome>> SendAsync(params OutgoingMessage[] messages) => SendAsync(Account(), messages);

    public Task<IReadOnlyList<SendOutcome>> SendAsync(ProviderAccount account, params OutgoingMessage[] messages)
        => Provider.SendAsync(new ProviderContext(account), messages, Ct);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

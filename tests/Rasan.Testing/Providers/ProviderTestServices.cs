using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Rasan.Providers;

namespace Rasan.Testing.Providers;

/// <summary>
/// A service provider with one provider package registered (through its <c>Add…</c> method, as an app would) and
/// every log entry of every level captured, for provider tests.
/// </summary>
public sealed class ProviderTestServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ProviderTestServices(ServiceProvider services) => _services = services;

    /// <summary>The services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The one registered <see cref="IMessageProvider"/>.</summary>
    public IMessageProvider Provider => _services.GetServices<IMessageProvider>().Single();

    /// <summary>Every log entry so far, of every level and category.</summary>
    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    /// <summary>Registers a provider, builds the services and runs the start-up options validation a host runs.</summary>
    /// <param name="addProvider">Registers the provider, such as <c>b => b.AddKavenegar(...)</c>.</param>
    /// <param name="configure">Changes anything else, such as the <see cref="TimeProvider"/>.</param>
    /// <returns>The services.</returns>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public static ProviderTestServices Create(Action<IRasanBuilder> addProvider, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(addProvider);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging(o =>
        {
            o.OutputSink = null;
            o.CollectRecordsForDisabledLogLevels = true;
        });
        configure?.Invoke(services);
        addProvider(new ProviderTestBuilder(services));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch
        {
            provider.Dispose();
            throw;
        }

        return new ProviderTestServices(provider);
    }

    /// <summary>Everything every log entry carries (message, state values, scopes, exception), one string each.</summary>
    /// <returns>The texts.</returns>
    public IReadOnlyList<string> LogTexts()
        => [.. Logs.GetSnapshot().Select(r => string.Join(
            '\n',
            [r.Category ?? string.Empty, r.Message, r.Exception?.ToString() ?? string.Empty,
             .. (r.StructuredState ?? []).Select(s => $"{s.Key}={s.Value}"),
             .. r.Scopes.Select(s => s?.ToString() ?? string.Empty)]))];

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

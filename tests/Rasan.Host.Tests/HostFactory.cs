using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Rasan.Host.Tests;

/// <summary>The standalone host on a given SQLite file, with extra settings and the printed token captured.</summary>
internal sealed class HostFactory(string databasePath, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    public StringWriter Console { get; } = new();

    /// <summary>Changes the host's services after its own (decorators, fakes).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Rasan", $"Data Source={databasePath}");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<BootstrapTokenPrinter>();
            services.AddSingleton(new BootstrapTokenPrinter(TextWriter.Synchronized(Console)));
            TestServices?.Invoke(services);
        });
    }
}

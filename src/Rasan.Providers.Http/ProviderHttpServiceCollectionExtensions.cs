using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Rasan.Providers.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the named <see cref="HttpClient"/> of a Rasan provider.</summary>
public static class ProviderHttpServiceCollectionExtensions
{
    /// <summary>
    /// Adds a provider's named client: it follows no redirect (a redirect would carry keys in headers, paths or queries
    /// elsewhere), keeps no cookies, decompresses answers, renews pooled connections every 5 minutes and sends no trace
    /// headers to the provider. IHttpClientFactory's default logging, which writes addresses and headers, is replaced
    /// by one Debug line per call (method, path without query, size, status, time) and a Warning for a call without an
    /// answer (the exception's type only).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="options">How to set it up.</param>
    /// <returns>The client's builder, to set its base address and timeout; the set-up above is added once per name.</returns>
    public static IHttpClientBuilder AddProviderHttpClient(this IServiceCollection services, string name, ProviderHttpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        var builder = services.AddHttpClient(name);
        if (services.Any(d => d.ImplementationInstance is ProviderHttpClientMarker marker && marker.Name == name))
        {
            return builder;
        }

        services.AddSingleton(new ProviderHttpClientMarker(name));
        return builder
            .ConfigureHttpClient(client => client.MaxResponseContentBufferSize = options.MaxAnswerBytes)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),

                // No propagator leaves .NET's diagnostics handler (and its url.full tag) out of the chain altogether;
                // the no-output one keeps the request activity but writes no trace headers.
                ActivityHeadersPropagator = options.RedactPath is null ? DistributedContextPropagator.CreateNoOutputPropagator() : null,
            })
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new ProviderCallLoggingHandler(
                options, sp.GetRequiredService<ILoggerFactory>().CreateLogger<ProviderCallLoggingHandler>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
    }

    private sealed record ProviderHttpClientMarker(string Name);
}

using System.Collections.Concurrent;
using System.Web;
using Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>The Kannel provider as <c>AddKannel</c> registers it, with every request URL recorded.</summary>
internal sealed class KannelTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public KannelTestHost(Action<KannelOptions>? configure = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var builder = new TestRasanBuilder(services);
        if (configure is null)
        {
            builder.AddKannel();
        }
        else
        {
            builder.AddKannel(configure);
        }

        services.AddHttpClient(KannelRasanBuilderExtensions.HttpClientName).AddHttpMessageHandler(() => new RecordingHandler(Requests));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Provider = Assert.IsType<KannelProvider>(
            Assert.Single(_services.GetServices<IMessageProvider>(), p => p.Descriptor.Type == KannelRasanBuilderExtensions.KannelProviderType));
    }

    public KannelProvider Provider { get; }

    public ConcurrentQueue<Uri> Requests { get; } = new();

    /// <summary>The query parameters of the only request made so far.</summary>
    public Dictionary<string, string> SingleRequestQuery()
    {
        var query = HttpUtility.ParseQueryString(Assert.Single(Requests).Query);
        return query.AllKeys.OfType<string>().ToDictionary(k => k, k => query[k]!, StringComparer.Ordinal);
    }

    public void Dispose() => _services.Dispose();
}

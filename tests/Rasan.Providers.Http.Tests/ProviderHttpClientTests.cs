using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace Rasan.Providers.Http.Tests;

public sealed class ProviderHttpClientTests
{
    private const string Name = "test-provider";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_AnsweredByTheProvider_LogsOneDebugLineWithThePathButNoQueryAndNoDefaultClientLogging()
    {
        using var server = new LoopbackServer(200);
        await using var services = Create(new ProviderHttpClientOptions { Provider = "Test" });

        using var response = await Client(services, server).PostAsync(new Uri("v1/send?password=SECRET", UriKind.Relative), new StringContent("12345"), Ct);

        var record = Assert.Single(services.GetFakeLogCollector().GetSnapshot());
        Assert.Equal((12001, LogLevel.Debug), (record.Id.Id, record.Level));
        Assert.StartsWith("Test POST /v1/send (5 bytes) answered HTTP 200 in ", record.Message, StringComparison.Ordinal);
        Assert.Equal(["/v1/send?password=SECRET"], server.Paths);
    }

    [Fact]
    public async Task Call_WithASecretInThePath_LogsThePathAsRedacted()
    {
        using var server = new LoopbackServer(200);
        await using var services = Create(new ProviderHttpClientOptions { Provider = "Test", RedactPath = p => p.Replace("KEY123", "***", StringComparison.Ordinal) });

        using var response = await Client(services, server).GetAsync(new Uri("v1/KEY123/info", UriKind.Relative), Ct);

        var record = Assert.Single(services.GetFakeLogCollector().GetSnapshot());
        Assert.Contains("GET /v1/***/info", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("KEY123", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WithoutAnAnswer_LogsAWarningWithTheExceptionTypeOnly()
    {
        var closed = new LoopbackServer(200);
        closed.Dispose();
        await using var services = Create(new ProviderHttpClientOptions { Provider = "Test" });

        await Assert.ThrowsAsync<HttpRequestException>(() => Client(services, closed).GetAsync(new Uri("v1/x?password=SECRET", UriKind.Relative), Ct));

        var record = Assert.Single(services.GetFakeLogCollector().GetSnapshot());
        Assert.Equal((12002, LogLevel.Warning), (record.Id.Id, record.Level));
        Assert.EndsWith(": HttpRequestException", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Redirected_IsNotFollowed()
    {
        using var elsewhere = new LoopbackServer(200);
        using var server = new LoopbackServer(307, new Uri(elsewhere.Address, "stolen").ToString());
        await using var services = Create(new ProviderHttpClientOptions { Provider = "Test" });

        using var response = await Client(services, server).GetAsync(new Uri("v1/x", UriKind.Relative), Ct);

        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Empty(elsewhere.Paths);
    }

    [Fact]
    public async Task AddProviderHttpClient_CalledTwiceForOneName_LogsEachCallOnce()
    {
        using var server = new LoopbackServer(200);
        var options = new ProviderHttpClientOptions { Provider = "Test" };
        await using var services = Create(options, s => s.AddProviderHttpClient(Name, options));

        using var response = await Client(services, server).GetAsync(new Uri("v1/x", UriKind.Relative), Ct);

        Assert.Single(services.GetFakeLogCollector().GetSnapshot());
    }

    private static ServiceProvider Create(ProviderHttpClientOptions options, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging(o => o.OutputSink = null);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddProviderHttpClient(Name, options);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static HttpClient Client(ServiceProvider services, LoopbackServer server)
    {
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
        client.BaseAddress = server.Address;
        return client;
    }
}

using Rasan.Testing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rasan.Storage;
using Xunit;

namespace Rasan.AspNetCore.Tests;

/// <summary>
/// An in-test hub: the engine with in-memory stores and the development provider, the API on a test server, and two
/// services (A and B) with their tokens.
/// </summary>
internal sealed class TestApi : IAsyncDisposable
{
    private TestApi(WebApplication app) => App = app;

    public WebApplication App { get; }

    public ControllableMessageStore Store => App.Services.GetRequiredService<ControllableMessageStore>();

    public ServiceId ServiceA { get; private set; }

    public ServiceId ServiceB { get; private set; }

    /// <summary>Service A, every scope.</summary>
    public HttpClient A { get; private set; } = null!;

    /// <summary>Service B, every scope.</summary>
    public HttpClient B { get; private set; } = null!;

    /// <summary>Service A, read scope only.</summary>
    public HttpClient AReadOnly { get; private set; } = null!;

    /// <summary>No token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <param name="configureApi">Sets the API's options.</param>
    /// <param name="map">Maps the API (and anything beside it); <c>app.MapRasan()</c> when <see langword="null"/>.</param>
    /// <param name="services">Adds or changes services after the hub's.</param>
    public static async Task<TestApi> StartAsync(
        Action<RasanApiOptions>? configureApi = null, Action<WebApplication>? map = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services
            .AddRasan(o => o.Dispatcher.PollInterval = TimeSpan.FromMilliseconds(50))
            .AddInMemoryStores()
            .AddDevelopmentProvider(o => o.DeliveryDelay = TimeSpan.FromMilliseconds(100))
            .AddRasanApi(configureApi);
        builder.Services
            .DecorateSingleton<IMessageStore, ControllableMessageStore>(store => new ControllableMessageStore(store))
            .DecorateSingleton<ITenancyStore, ControllableTenancyStore>(tenancy => new ControllableTenancyStore(tenancy));
        builder.Services.AddOpenApi();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        if (map is null)
        {
            app.MapRasan();
        }
        else
        {
            map(app);
        }

        await app.StartAsync(TestContext.Current.CancellationToken);

        var api = new TestApi(app);
        await api.SeedAsync();
        return api;
    }

    public HttpClient ClientWith(string? token)
    {
        var client = App.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Every message of a service, straight from the tracker.</summary>
    public async Task<int> CountMessagesAsync(ServiceId service)
    {
        var tracker = App.Services.GetRequiredService<IMessageTracker>();
        var count = 0;
        MessageId? after = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await tracker.SearchAsync(service, new MessageQuery { Limit = MessageQuery.MaxLimit, After = after });
            count += result.Items.Count;
            if (result.Next is null)
            {
                return count;
            }

            after = result.Next;
        }

        throw new InvalidOperationException("Too many pages.");
    }

    /// <summary>Sends to one number and returns the message id.</summary>
    public static async Task<(string RequestId, string MessageId)> SendOneAsync(HttpClient client, object? body = null)
    {
        using var response = await client.PostAsJsonAsync(
            "/api/v1/messages", body ?? new { to = new[] { "+989121234567" }, text = "hello" }, TestContext.Current.CancellationToken);
        var json = await ReadJsonAsync(response);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"Send answered {(int)response.StatusCode}: {json}");
        }

        return (json.GetProperty("requestId").GetString()!, json.GetProperty("messages")[0].GetProperty("id").GetString()!);
    }

    /// <summary>Polls a message until its status is <paramref name="status"/>, for at most 10 seconds.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string messageId, string status)
    {
        JsonElement message = default;
        for (var i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync($"/api/v1/messages/{messageId}", TestContext.Current.CancellationToken);
            message = await ReadJsonAsync(response);
            if (message.GetProperty("status").GetString() == status)
            {
                return message;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"Message {messageId} never reached {status}: {message}");
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var tenancy = App.Services.GetRequiredService<ITenancyStore>();
        var issuer = App.Services.GetRequiredService<IApiTokenIssuer>();
        var now = DateTimeOffset.UtcNow;
        var ct = TestContext.Current.CancellationToken;
        ServiceA = ServiceId.New(now);
        ServiceB = ServiceId.New(now.AddMilliseconds(1));
        await tenancy.AddServiceAsync(new ClientService { Id = ServiceA, Name = "a", CreatedAt = now }, ct);
        await tenancy.AddServiceAsync(new ClientService { Id = ServiceB, Name = "b", CreatedAt = now }, ct);
        await tenancy.AddAccountAsync(
            new ProviderAccount
            {
                Id = AccountId.New(now),
                Name = "dev",
                ProviderType = DevelopmentRasanBuilderExtensions.DevelopmentProviderType,
                Channel = Channel.Sms,
                CreatedAt = now,
            },
            ct);

        A = ClientWith((await issuer.IssueAsync(ServiceA, "a", ApiTokenScopes.All, null, ct)).Secret);
        B = ClientWith((await issuer.IssueAsync(ServiceB, "b", ApiTokenScopes.All, null, ct)).Secret);
        AReadOnly = ClientWith((await issuer.IssueAsync(ServiceA, "a-read", ApiTokenScopes.Read, null, ct)).Secret);
        Anonymous = ClientWith(null);
    }
}

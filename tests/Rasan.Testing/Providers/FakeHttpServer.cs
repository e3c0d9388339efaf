using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rasan.Testing.Providers;

/// <summary>
/// The base of a local fake of a provider's HTTP API: Kestrel on 127.0.0.1 with a free port, no logging of its own,
/// every request handed to <see cref="HandleAsync"/>, and a record of requests for assertions.
/// </summary>
public abstract class FakeHttpServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<ProviderFakeRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private Uri? _baseAddress;

    /// <summary>The server's address, ending in <c>/</c>.</summary>
    /// <exception cref="InvalidOperationException">The server has not started.</exception>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The fake server has not been started.");

    /// <summary>The clock the fake stamps and schedules with.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Every request received so far, in order, secrets redacted.</summary>
    public IReadOnlyList<ProviderFakeRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the server on a free loopback port.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the server listens.</returns>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _baseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when it stopped.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            // Held answers (slow-response faults) end when their connections close.
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
            _app = null;
        }

        _stopping.Dispose();
    }

    /// <summary>Answers one request.</summary>
    /// <param name="context">The request and its response.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    protected abstract Task HandleAsync(HttpContext context);

    /// <summary>Adds a request to <see cref="Requests"/>; redact secrets first.</summary>
    /// <param name="request">The request.</param>
    protected void Record(ProviderFakeRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }

    /// <summary>Reads the query string and a form body (UTF-8) into one dictionary; form values win.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The parameters.</returns>
    protected static async Task<Dictionary<string, string>> ReadParametersAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, value) in form)
            {
                parameters[key] = value.ToString();
            }
        }

        return parameters;
    }

    /// <summary>Holds the answer until the client gives up (or the server stops), at most <paramref name="limit"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="limit">The longest hold.</param>
    /// <returns>A task that completes when the hold ends.</returns>
    protected async Task HoldAsync(HttpContext context, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(limit, hold.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as the fault intends.
        }
    }
}

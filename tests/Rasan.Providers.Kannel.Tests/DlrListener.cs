using Xunit;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Web;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>
/// A small HTTP server on loopback standing in for the hub's callback endpoint: it answers 200 to every request and
/// keeps each one's query, as the endpoint would hand it to the provider's parser.
/// </summary>
internal sealed class DlrListener : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private readonly HttpListener _listener;
    private readonly Lock _lock = new();
    private readonly List<CallbackPayload> _received = [];
    private readonly Task _loop;

    private DlrListener(HttpListener listener, int port)
    {
        _listener = listener;
        Port = port;
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Every callback received so far, in arrival order.</summary>
    public IReadOnlyList<CallbackPayload> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public static DlrListener Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
            try
            {
                listener.Start();
                return new DlrListener(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>The hub's callback address for a message, as the engine would sign it.</summary>
    public Uri CallbackUrl(MessageId id) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/cb?mid={id}&sig=test"));

    /// <summary>
    /// Parses every callback received with <paramref name="parser"/> and waits until the reports for one message satisfy
    /// <paramref name="done"/>.
    /// </summary>
    /// <returns>The message's reports, in arrival order.</returns>
    /// <exception cref="TimeoutException">They did not within 20 s.</exception>
    public async Task<IReadOnlyList<DeliveryReport>> WaitForReportsAsync(
        ICallbackParser parser, MessageId id, Func<IReadOnlyList<DeliveryReport>, bool> done, Func<string>? diagnostics = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(DefaultWait);
        while (true)
        {
            IReadOnlyList<DeliveryReport> reports = [.. Received.SelectMany(parser.Parse).Where(r => r.MessageId == id)];
            if (done(reports))
            {
                return reports;
            }

            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                var seen = string.Join("\n", Received.Select(c => string.Join("&", c.Query.Select(p => $"{p.Key}={p.Value}"))));
                throw new TimeoutException(
                    $"Timed out after {DefaultWait.TotalSeconds:0} s waiting for the delivery reports of {id}; callbacks received:\n{seen}\n{diagnostics?.Invoke()}");
            }
        }
    }

    /// <summary>
    /// Waits until one message has both reports the fake SMSC produces: the submit acknowledgement (type 8, pending)
    /// and the delivery (type 1). smsbox makes its callbacks concurrently, so they may arrive in either order.
    /// </summary>
    /// <returns>The submit acknowledgement and the delivery report.</returns>
    public async Task<(DeliveryReport Submitted, DeliveryReport Delivered)> WaitForSubmitAndDeliveryAsync(
        ICallbackParser parser, MessageId id, Func<string>? diagnostics = null)
    {
        var reports = await WaitForReportsAsync(
            parser,
            id,
            r => r.Any(x => x.State == DeliveryState.Pending) && r.Any(x => x.State == DeliveryState.Delivered),
            diagnostics);
        return (Assert.Single(reports, r => r.State == DeliveryState.Pending), Assert.Single(reports, r => r.State == DeliveryState.Delivered));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Close alone: the managed HttpListener's Close after Stop looks the port up again, and by then another
            // test may have bound it.
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Nothing is left to release.
        }

        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopping the listener ends the loop.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var raw = context.Request.RawUrl ?? string.Empty;
            var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
            var parsed = HttpUtility.ParseQueryString(queryStart < 0 ? string.Empty : raw[(queryStart + 1)..]);
            var query = parsed.AllKeys.OfType<string>().ToDictionary(k => k, k => parsed[k] ?? string.Empty, StringComparer.Ordinal);
            lock (_lock)
            {
                _received.Add(new CallbackPayload(context.Request.HttpMethod, query, null, ReadOnlyMemory<byte>.Empty));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Xunit;

namespace Rasan.Testing;

/// <summary>
/// A private, real Kannel 1.4.5 on loopback for tests: bearerbox with a fake SMSC, the <c>fakesmsc</c> "handset" and
/// smsbox with its HTTP <c>sendsms</c> interface, on free ports with a generated configuration in a temporary
/// directory. Every wait is time-bounded and fails with the boxes' log tails; disposing stops every process
/// (SIGTERM, then SIGKILL) and deletes the directory.
/// </summary>
public sealed partial class KannelServer : IAsyncDisposable
{
    /// <summary>The smsc-id of the fake SMSC.</summary>
    public const string SmscId = "FAKE";

    /// <summary>The sender smsbox uses when a request has none.</summary>
    public const string GlobalSender = "1000";

    /// <summary>The most parts a long message is split into for the sendsms user.</summary>
    public const int MaxMessages = 8;

    private const string BearerboxPath = "/usr/sbin/bearerbox";
    private const string SmsboxPath = "/usr/sbin/smsbox";
    private const string FakeSmscPath = "/usr/lib/kannel/test/fakesmsc";
    private const int StartAttempts = 3;
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly string _directory;
    private readonly int _adminPort;
    private readonly int _smscPort;
    private readonly int _sendSmsPort;
    private readonly string _statusPassword;
    private readonly Lock _lock = new();
    private readonly List<KannelHandsetMessage> _received = [];
    private KannelProcess? _bearerbox;
    private KannelProcess? _smsbox;
    private KannelProcess? _fakeSmsc;
    private int _disposed;

    private KannelServer(string directory, int adminPort, int boxPort, int smscPort, int sendSmsPort)
    {
        _directory = directory;
        _adminPort = adminPort;
        _smscPort = smscPort;
        _sendSmsPort = sendSmsPort;
        _statusPassword = Secret();
        Password = Secret();
        SendSmsUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{sendSmsPort}/cgi-bin/sendsms"));
        File.WriteAllText(Path.Combine(directory, "kannel.conf"), Configuration(adminPort, boxPort));
        Directory.CreateDirectory(Path.Combine(directory, "spool"));
    }

    /// <summary>Whether Kannel's binaries are installed (<c>apt-get install kannel kannel-extras</c>).</summary>
    public static bool IsInstalled => UnavailableReason is null;

    /// <summary>Why Kannel cannot be run here, or <see langword="null"/> when it can.</summary>
    public static string? UnavailableReason
        => new[] { BearerboxPath, SmsboxPath, FakeSmscPath }.FirstOrDefault(p => !File.Exists(p)) is { } missing
            ? $"{missing} does not exist (apt-get install kannel kannel-extras)."
            : null;

    /// <summary>The smsbox <c>sendsms</c> URL.</summary>
    public Uri SendSmsUrl { get; }

    /// <summary>The sendsms user's name.</summary>
    public string Username => "rasan";

    /// <summary>The sendsms user's password (random per server).</summary>
    public string Password { get; }

    /// <summary>Every message the fake SMSC received, in arrival order (across restarts of fakesmsc).</summary>
    public IReadOnlyList<KannelHandsetMessage> ReceivedMessages
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Skips the calling test when Kannel is not installed, or fails it when <c>RASAN_REQUIRE_SERVERS=1</c>.</summary>
    public static void SkipOrFailUnlessAvailable()
    {
        if (IsInstalled)
        {
            return;
        }

        var reason = $"Kannel is not available: {UnavailableReason}";
        if (Environment.GetEnvironmentVariable("RASAN_REQUIRE_SERVERS") == "1")
        {
            Assert.Fail(reason + " (RASAN_REQUIRE_SERVERS=1)");
        }

        Assert.SkipUnless(IsInstalled, reason);
    }

    /// <summary>Starts bearerbox, fakesmsc and smsbox and waits until the SMSC is online and sendsms listens.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">Kannel is not installed, or did not come up (with its log tails).</exception>
    public static async Task<KannelServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts(4);
            var server = new KannelServer(Directory.CreateTempSubdirectory("rasan-kannel-").FullName, ports[0], ports[1], ports[2], ports[3]);
            try
            {
                await server.StartProcessesAsync(cancellationToken);
                return server;
            }
            catch (Exception ex) when (attempt < StartAttempts && ex is InvalidOperationException or TimeoutException)
            {
                // Most likely a free port was taken between probing and binding: try again on new ports.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// Stops fakesmsc, as an operator outage: bearerbox keeps what smsbox accepts (<c>3: Queued for later delivery</c>).
    /// Returns once bearerbox no longer counts the SMSC online.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the SMSC is offline.</returns>
    public async Task StopFakeSmscAsync(CancellationToken cancellationToken = default)
    {
        if (_fakeSmsc is { } fakeSmsc)
        {
            _fakeSmsc = null;
            await fakeSmsc.StopAsync(StopGrace);
            fakeSmsc.Dispose();
        }

        await WaitUntilAsync(async ct => !await IsSmscOnlineAsync(ct), "the fake SMSC to go offline", cancellationToken);
    }

    /// <summary>Starts fakesmsc again and waits until bearerbox counts the SMSC online; queued messages then go out.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the SMSC is online.</returns>
    public async Task StartFakeSmscAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_fakeSmsc is not null)
        {
            throw new InvalidOperationException("fakesmsc is already running: the fake SMSC serves one client at a time.");
        }

        _fakeSmsc = KannelProcess.Start(
            "fakesmsc",
            FakeSmscPath,
            ["-H", "127.0.0.1", "-r", _smscPort.ToString(CultureInfo.InvariantCulture), "-i", "3600", "-m", "0", "1 2 text x"],
            _directory,
            OnFakeSmscLine);
        await WaitUntilAsync(IsSmscOnlineAsync, "the fake SMSC to come online", cancellationToken);
    }

    /// <summary>Waits until the fake SMSC has received <paramref name="count"/> messages that match.</summary>
    /// <param name="match">Which messages count.</param>
    /// <param name="count">How many are awaited.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching messages, in arrival order.</returns>
    /// <exception cref="TimeoutException">They did not all arrive in time (with the boxes' log tails).</exception>
    public async Task<IReadOnlyList<KannelHandsetMessage>> WaitForMessagesAsync(
        Func<KannelHandsetMessage, bool> match, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        IReadOnlyList<KannelHandsetMessage> found = [];
        await WaitUntilAsync(
            _ =>
            {
                found = [.. ReceivedMessages.Where(match)];
                return Task.FromResult(found.Count >= count);
            },
            string.Create(CultureInfo.InvariantCulture, $"{count} matching messages at the fake SMSC"),
            cancellationToken);
        return found;
    }

    /// <summary>Waits until the fake SMSC has received a message that matches.</summary>
    /// <param name="match">Which message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first matching message.</returns>
    /// <exception cref="TimeoutException">It did not arrive in time (with the boxes' log tails).</exception>
    public async Task<KannelHandsetMessage> WaitForMessageAsync(Func<KannelHandsetMessage, bool> match, CancellationToken cancellationToken = default)
        => (await WaitForMessagesAsync(match, 1, cancellationToken))[0];

    /// <summary>Reads bearerbox's <c>status.txt</c>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status text.</returns>
    public async Task<string> GetStatusAsync(CancellationToken cancellationToken = default)
        => await Http.GetStringAsync(
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_adminPort}/status.txt?password={_statusPassword}")),
            cancellationToken);

    /// <summary>The last lines of the processes' output and of the boxes' log files, for failure messages.</summary>
    /// <returns>The tails.</returns>
    public string LogTail()
    {
        var text = new StringBuilder();
        foreach (var process in new[] { _bearerbox, _fakeSmsc, _smsbox })
        {
            if (process is not null)
            {
                text.Append("--- ").Append(process.Name).Append(process.HasExited ? " (exited)" : string.Empty).Append(" output:\n")
                    .Append(process.Tail).Append('\n');
            }
        }

        foreach (var log in new[] { "bearerbox.log", "smsbox.log" })
        {
            var path = Path.Combine(_directory, log);
            try
            {
                var lines = File.Exists(path) ? File.ReadLines(path).TakeLast(25) : [];
                text.Append("--- ").Append(log).Append(":\n").AppendJoin('\n', lines).Append('\n');
            }
            catch (IOException)
            {
                // A log that cannot be read adds nothing.
            }
        }

        return text.ToString();
    }

    /// <summary>Stops smsbox, fakesmsc and bearerbox (SIGTERM, then SIGKILL) and deletes the directory.</summary>
    /// <returns>A task that completes when everything is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        KannelProcess?[] processes = [_smsbox, _fakeSmsc, _bearerbox];
        _smsbox = _fakeSmsc = _bearerbox = null;
        await Task.WhenAll(processes.OfType<KannelProcess>().Select(p => p.StopAsync(StopGrace)));
        foreach (var process in processes)
        {
            process?.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private async Task StartProcessesAsync(CancellationToken cancellationToken)
    {
        _bearerbox = KannelProcess.Start("bearerbox", BearerboxPath, ["-v", "2", "kannel.conf"], _directory);
        // The fake SMSC's port is bound before bearerbox lists the connection in its status. (A TCP probe of that port
        // would look like a fakesmsc client to bearerbox, which serves one at a time.)
        await WaitUntilAsync(
            async ct => (await GetStatusAsync(ct)).Contains($"{SmscId}[{SmscId}]", StringComparison.Ordinal),
            "bearerbox to open the fake SMSC",
            cancellationToken);
        await StartFakeSmscAsync(cancellationToken);
        _smsbox = KannelProcess.Start("smsbox", SmsboxPath, ["-v", "2", "kannel.conf"], _directory);
        await WaitUntilAsync(
            async ct => IsListening(_sendSmsPort) && await IsSmsboxConnectedAsync(ct),
            "smsbox to connect and listen for sendsms",
            cancellationToken);
    }

    private async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DefaultWait);
        try
        {
            while (true)
            {
                if (new[] { _bearerbox, _smsbox }.FirstOrDefault(p => p is { HasExited: true }) is { } exited)
                {
                    throw new InvalidOperationException($"Kannel's {exited.Name} exited while waiting for {what}.\n{LogTail()}");
                }

                try
                {
                    if (await condition(timeout.Token))
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // bearerbox's admin port is not up yet.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {DefaultWait.TotalSeconds:0} s waiting for {what}.\n{LogTail()}");
        }
    }

    private async Task<bool> IsSmscOnlineAsync(CancellationToken cancellationToken)
        => (await GetStatusAsync(cancellationToken)).Contains(
            string.Create(CultureInfo.InvariantCulture, $"{SmscId}:{_smscPort} (online"), StringComparison.Ordinal);

    private async Task<bool> IsSmsboxConnectedAsync(CancellationToken cancellationToken)
        => (await GetStatusAsync(cancellationToken)).Split('\n').Any(l => l.Contains("smsbox:", StringComparison.Ordinal) && l.Contains("on-line", StringComparison.Ordinal));

    private void OnFakeSmscLine(string line)
    {
        if (ParseHandsetLine(line) is { } message)
        {
            lock (_lock)
            {
                _received.Add(message);
            }
        }
    }

    /// <summary>Parses fakesmsc's <c>Got message N: &lt;from to type data&gt;</c> log line.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The message, or <see langword="null"/> for another line.</returns>
    internal static KannelHandsetMessage? ParseHandsetLine(string line)
    {
        var match = GotMessage().Match(line);
        if (!match.Success)
        {
            return null;
        }

        // <from to type data>, or <from to udh UDH type data> for a part of a concatenated message.
        var parts = match.Groups["body"].Value.Split(' ', 4);
        if (parts.Length < 3)
        {
            return null;
        }

        var data = parts.Length == 4 ? parts[3] : string.Empty;
        var type = parts[2];
        byte[]? udh = null;
        if (type == "udh")
        {
            var rest = data.Split(' ', 3);
            if (rest.Length < 2)
            {
                return null;
            }

            udh = HttpUtility.UrlDecodeToBytes(rest[0]);
            type = rest[1];
            data = rest.Length == 3 ? rest[2] : string.Empty;
        }

        var text = type switch
        {
            "text" => data,
            "ucs-2" => Encoding.BigEndianUnicode.GetString(HttpUtility.UrlDecodeToBytes(data)),
            _ => Encoding.Latin1.GetString(HttpUtility.UrlDecodeToBytes(data)),
        };
        return new KannelHandsetMessage(parts[0], parts[1], type, text, udh);
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private string Configuration(int adminPort, int boxPort) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        group = core
        admin-port = {adminPort}
        admin-interface = 127.0.0.1
        admin-password = {Secret()}
        status-password = {_statusPassword}
        admin-allow-ip = "127.0.0.1"
        smsbox-port = {boxPort}
        smsbox-interface = 127.0.0.1
        box-allow-ip = "127.0.0.1"
        log-file = "bearerbox.log"
        log-level = 0
        access-log = "access.log"
        dlr-storage = internal
        store-type = spool
        store-location = "{Path.Combine(_directory, "spool")}"

        group = smsc
        smsc = fake
        smsc-id = {SmscId}
        port = {_smscPort}
        connect-allow-ip = 127.0.0.1

        group = smsbox
        bearerbox-host = 127.0.0.1
        bearerbox-port = {boxPort}
        sendsms-port = {_sendSmsPort}
        sendsms-interface = 127.0.0.1
        global-sender = "{GlobalSender}"
        log-file = "smsbox.log"
        log-level = 0

        group = sendsms-user
        username = {Username}
        password = {Password}
        max-messages = {MaxMessages}
        concatenation = true

        """);

    [GeneratedRegex(@"Got message \d+: <(?<body>.*)>\s*$")]
    private static partial Regex GotMessage();
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Rasan.Testing;

/// <summary>
/// The PostgreSQL server for tests: the connection string in <c>RASAN_TEST_POSTGRES</c> if set; otherwise a
/// throwaway local server (PostgreSQL 15 binaries) started once per test process on a free port with fsync off,
/// stopped when the process exits; otherwise unavailable, with the reason.
/// </summary>
public static class PostgresServer
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly Lazy<State> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether a server can be used.</summary>
    public static bool IsAvailable => Server.Value.ConnectionString is not null;

    /// <summary>Why no server is available, or <see langword="null"/> when one is.</summary>
    public static string? UnavailableReason => Server.Value.Reason;

    /// <summary>The connection string to the server's <c>postgres</c> database (superuser, no password).</summary>
    /// <exception cref="InvalidOperationException">No server is available.</exception>
    public static string ConnectionString
        => Server.Value.ConnectionString ?? throw new InvalidOperationException(UnavailableReason);

    /// <summary>
    /// Skips the calling test when no server is available, or fails it when <c>RASAN_REQUIRE_SERVERS=1</c>.
    /// </summary>
    public static void SkipOrFailUnlessAvailable()
    {
        if (IsAvailable)
        {
            return;
        }

        var reason = $"PostgreSQL is not available: {UnavailableReason}";
        if (Environment.GetEnvironmentVariable("RASAN_REQUIRE_SERVERS") == "1")
        {
            Assert.Fail(reason + " (RASAN_REQUIRE_SERVERS=1)");
        }

        Assert.SkipUnless(IsAvailable, reason);
    }

    private static State Start()
    {
        if (Environment.GetEnvironmentVariable("RASAN_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return new State(configured, null);
        }

        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            return new State(null, $"RASAN_TEST_POSTGRES is not set and {BinDirectory}/initdb does not exist (apt-get install postgresql).");
        }

        try
        {
            var directory = Directory.CreateTempSubdirectory("rasan-pg-").FullName;
            var data = Path.Combine(directory, "data");
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                Run("chown", $"postgres:postgres {directory}", asPostgres: false);
            }

            Run(Path.Combine(BinDirectory, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --no-locale --no-sync", asRoot);
            var port = FreePort();
            var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            Run(Path.Combine(BinDirectory, "pg_ctl"), $"-D {data} -l {Path.Combine(directory, "log")} -w -t 30 -o \"{options}\" start", asRoot);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(data, directory, asRoot);
            return new State($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            return new State(null, ex.Message);
        }
    }

    private static void Stop(string data, string directory, bool asRoot)
    {
        try
        {
            Run(Path.Combine(BinDirectory, "pg_ctl"), $"-D {data} -m fast -w stop", asRoot);
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is exiting; a leftover temp directory is harmless.
        }
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/tmp";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} did not finish within 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {error.Result}{output.Result}");
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

    private sealed record State(string? ConnectionString, string? Reason);
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rasan.Testing;

/// <summary>
/// One child process of a <see cref="KannelServer"/> (bearerbox, smsbox, fakesmsc): its output is read line by line
/// and its last lines kept; it is stopped with SIGTERM, then SIGKILL; whatever still runs when the test process exits
/// is killed.
/// </summary>
internal sealed class KannelProcess : IDisposable
{
    private const int TailLines = 40;
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly Action<string>? _onLine;

    static KannelProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private KannelProcess(string name, Process process, Action<string>? onLine)
    {
        Name = name;
        _process = process;
        _onLine = onLine;
    }

    /// <summary>A name for messages, such as <c>bearerbox</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it wrote.</summary>
    public string Tail => string.Join('\n', _tail);

    /// <summary>Starts a process.</summary>
    /// <param name="name">A name for messages.</param>
    /// <param name="file">The executable.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Its working directory.</param>
    /// <param name="onLine">Called with every line it writes to stdout or stderr.</param>
    /// <returns>The running process.</returns>
    public static KannelProcess Start(string name, string file, IEnumerable<string> arguments, string workingDirectory, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var child = new KannelProcess(name, process, onLine);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {file}.");
        }

        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Stops the process: SIGTERM, then SIGKILL when it has not ended within <paramref name="grace"/>.</summary>
    /// <param name="grace">How long it may take to end cleanly.</param>
    /// <returns>A task that completes when the process has ended.</returns>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            if (!_process.HasExited)
            {
                await SignalAsync("TERM");
                using var wait = new CancellationTokenSource(grace);
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    Kill();
                    using var killWait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _process.WaitForExitAsync(killWait.Token);
                }
            }
        }
        finally
        {
            Running.TryRemove(new KeyValuePair<int, Process>(_process.Id, _process));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        Running.TryRemove(new KeyValuePair<int, Process>(_process.Id, _process));
        _process.Dispose();
    }

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > TailLines && _tail.TryDequeue(out _))
        {
        }

        _onLine?.Invoke(line);
    }

    private async Task SignalAsync(string signal)
    {
        // .NET has no API to send SIGTERM; kill(1) does it without unsafe code.
        var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-" + signal);
        start.ArgumentList.Add(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var kill = Process.Start(start);
            if (kill is not null)
            {
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await kill.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            Kill();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

using System.Diagnostics;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>Runs the <c>openssl</c> command-line tool, the outside standard FanapPlus keys and signatures are checked against.</summary>
internal static class OpenSsl
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            return Run(Path.GetTempPath(), "version").ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    /// <summary>Whether <c>openssl</c> is on the path.</summary>
    public static bool IsAvailable => Available.Value;

    /// <summary>Runs <c>openssl</c> with arguments in a directory.</summary>
    /// <param name="directory">The working directory.</param>
    /// <param name="arguments">The arguments, one per element.</param>
    /// <returns>The exit code and the combined output.</returns>
    public static (int ExitCode, string Output) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new TimeoutException($"openssl {string.Join(' ', arguments)} did not finish.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>Runs <c>openssl</c> and fails when it does.</summary>
    /// <param name="directory">The working directory.</param>
    /// <param name="arguments">The arguments.</param>
    public static void Must(string directory, params string[] arguments)
    {
        var (exitCode, output) = Run(directory, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed ({exitCode}): {output}");
        }
    }
}

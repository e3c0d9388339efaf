namespace Rasan.Host;

/// <summary>Shows a generated token once, on the console only: never through logging, so it reaches no log sink.</summary>
internal sealed class BootstrapTokenPrinter(TextWriter output)
{
    public void Print(string service, string secret)
    {
        output.WriteLine();
        output.WriteLine($"Rasan: the first API token of service '{service}' is shown this once; keep it:");
        output.WriteLine($"    {secret}");
        output.WriteLine("Rasan: send it as 'Authorization: Bearer <token>'. To choose it yourself, set Rasan:Bootstrap:ApiToken.");
        output.WriteLine();
        output.Flush();
    }
}

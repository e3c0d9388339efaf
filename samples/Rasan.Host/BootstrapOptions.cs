namespace Rasan.Host;

/// <summary>The <c>Rasan:Bootstrap</c> section: what the host creates on an empty database.</summary>
internal sealed class BootstrapOptions
{
    /// <summary>The first API token of the service; empty means generate one and print it once.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The name of the service to create.</summary>
    public string Service { get; set; } = "default";

    /// <summary>The name of the development provider account to create when the database has no account and
    /// <c>Rasan:Accounts</c> is empty.</summary>
    public string Account { get; set; } = "dev";
}

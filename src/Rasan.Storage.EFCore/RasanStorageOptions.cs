namespace Rasan.Storage.EFCore;

/// <summary>Options for the Rasan database stores.</summary>
public sealed class RasanStorageOptions
{
    /// <summary>Whether to apply pending migrations when the host starts, before other hosted services start.</summary>
    /// <value>The default value is <see langword="false"/>: apply migrations as part of deployment.</value>
    public bool MigrateOnStartup { get; set; }
}

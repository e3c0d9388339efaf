using Microsoft.AspNetCore.DataProtection;

namespace Rasan.Storage.EFCore;

/// <summary>Options for the Rasan database stores.</summary>
public sealed class RasanStorageOptions
{
    /// <summary>Whether to apply pending migrations when the host starts, before other hosted services start.</summary>
    /// <value>The default value is <see langword="false"/>: apply migrations as part of deployment.</value>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// The Data Protection application name of Rasan's key ring. Every host of one database must use the same name;
    /// a host with another cannot read the accounts' settings and says so.
    /// </summary>
    /// <value>The default value is <c>Rasan</c>.</value>
    public string KeyRingApplicationName { get; set; } = "Rasan";

    /// <summary>
    /// Further settings of Rasan's own Data Protection key ring, which is kept in the database (table
    /// <c>data_protection_keys</c>) apart from the app's: in production, protect its keys at rest, such as with
    /// <c>ProtectKeysWithCertificate</c>.
    /// </summary>
    public Action<IDataProtectionBuilder>? ConfigureKeyRing { get; set; }
}

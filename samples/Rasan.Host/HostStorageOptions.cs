namespace Rasan.Host;

/// <summary>The <c>Rasan:Storage</c> section: which database the host uses.</summary>
internal sealed class HostStorageOptions
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    /// <summary><c>Sqlite</c> (the default) or <c>PostgreSql</c>; the connection string is <c>ConnectionStrings:Rasan</c>.</summary>
    public string Provider { get; set; } = Sqlite;
}

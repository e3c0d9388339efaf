namespace Rasan.Host;

/// <summary>The <c>Rasan:Storage</c> section: which database the host uses.</summary>
internal sealed class HostStorageOptions
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string InMemory = "InMemory";

    /// <summary>
    /// <c>Sqlite</c> (the default) or <c>PostgreSql</c>, with the connection string in <c>ConnectionStrings:Rasan</c>; or
    /// <c>InMemory</c> for demos and measurements: nothing is written anywhere and everything is lost when the host stops.
    /// </summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Whether <see cref="Provider"/> is <see cref="InMemory"/>.</summary>
    public bool IsInMemory => string.Equals(Provider, InMemory, StringComparison.OrdinalIgnoreCase);
}

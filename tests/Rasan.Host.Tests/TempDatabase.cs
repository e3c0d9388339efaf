namespace Rasan.Host.Tests;

/// <summary>A fresh SQLite file path in its own temporary folder, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rasan-host-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "rasan.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a host being torn down; the folder is in the temp directory anyway.
        }
    }
}

namespace Rasan.Host.Tests;

public sealed class SqliteCrashRecoveryTests : CrashRecoveryTests, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rasan-crash-");

    protected override Task<IReadOnlyDictionary<string, string>> CreateDatabaseAsync()
        => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["Rasan__Storage__Provider"] = "Sqlite",
            ["ConnectionStrings__Rasan"] = $"Data Source={Path.Combine(_directory.FullName, "rasan.db")}",
        });

    public void Dispose() => _directory.Delete(recursive: true);
}

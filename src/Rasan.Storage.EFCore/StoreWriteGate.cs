namespace Rasan.Storage.EFCore;

/// <summary>
/// Lets one bulk writer (the accept group commit, a log batch) at a time into a database that has a single write lock
/// (SQLite), so writers of this process queue here in order instead of meeting SQLite's busy handler, which sleeps in
/// growing steps and turns a few milliseconds of lock into a long stall. A no-op where writers do not block each other.
/// </summary>
internal sealed class StoreWriteGate(IRasanSqlDialect dialect) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the gate, when the database needs one.</summary>
    /// <returns>What to dispose to leave it.</returns>
    public async ValueTask<Pass> EnterAsync(CancellationToken cancellationToken)
    {
        if (!dialect.HasSingleWriter)
        {
            return default;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Pass(_gate);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Holds the gate until disposed.</summary>
    internal readonly struct Pass(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}

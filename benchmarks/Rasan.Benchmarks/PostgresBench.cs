namespace Rasan.Benchmarks;

/// <summary>The PostgreSQL variant of <see cref="BenchStore"/>; needs the PostgreSQL stores.</summary>
internal static class PostgresBench
{
    public static Task<BenchStore> CreateAsync(string connectionString, Action<RasanOptions>? configure, bool timed)
        => throw new NotSupportedException("The PostgreSQL stores are not on this branch yet.");
}

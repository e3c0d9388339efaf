namespace Rasan.Storage.EFCore;

/// <summary>
/// Times are stored as UTC ticks (<see cref="long"/>): exact to 100 ns, and they compare and sort the same way on
/// SQLite and PostgreSQL.
/// </summary>
internal static class StoreTime
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static long? ToTicks(DateTimeOffset? value) => value?.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? FromTicks(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}

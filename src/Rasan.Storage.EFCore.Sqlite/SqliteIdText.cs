namespace Rasan.Storage.EFCore.Sqlite;

/// <summary>
/// Ids as EF Core stores them on SQLite: 36 upper-case characters, so text order is time order for version-7 ids.
/// </summary>
internal static class SqliteIdText
{
    public const int Length = 36;

    public static string From(Guid id) => string.Create(Length, id, static (destination, value) => Write(value, destination));

    /// <summary>Writes the id without allocating, for binding straight from a stack buffer.</summary>
    public static void Write(Guid id, Span<char> destination)
    {
        id.TryFormat(destination, out _, "D");
        for (var i = 0; i < Length; i++)
        {
            if (destination[i] is >= 'a' and <= 'f')
            {
                destination[i] = (char)(destination[i] - ('a' - 'A'));
            }
        }
    }
}

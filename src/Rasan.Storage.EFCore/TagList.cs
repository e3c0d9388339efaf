namespace Rasan.Storage.EFCore;

/// <summary>Tags are stored as one <c>|a|b|</c> text, so an exact-tag filter is <c>Contains("|a|")</c>.</summary>
internal static class TagList
{
    public static string? Encode(IReadOnlyList<string> tags)
        => tags.Count == 0 ? null : "|" + string.Join('|', tags) + "|";

    public static string Pattern(string tag) => "|" + tag + "|";

    public static IReadOnlyList<string> Decode(string? stored)
        => stored is null ? [] : stored.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

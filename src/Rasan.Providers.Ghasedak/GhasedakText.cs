namespace Rasan.Providers.Ghasedak;

/// <summary>How a text fills SMS parts, to ask for concatenation (<c>udh</c>) only when it needs more than one.</summary>
internal static class GhasedakText
{
    private const int SinglePartLatin = 160;
    private const int SinglePartUnicode = 70;

    /// <summary>Tells whether a text needs more than one SMS part.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> above 160 ASCII or 70 other characters.</returns>
    public static bool NeedsConcatenation(string text)
        => text.Length > (System.Text.Ascii.IsValid(text) ? SinglePartLatin : SinglePartUnicode);
}

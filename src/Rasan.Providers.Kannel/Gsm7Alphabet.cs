using System.Buffers;

namespace Rasan.Providers.Kannel;

/// <summary>The GSM 03.38 default alphabet and its extension table: texts made only of these go as 7-bit.</summary>
internal static class Gsm7Alphabet
{
    private const string BasicSet =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string ExtensionSet = "\f^{}\\[~]|€";

    private static readonly SearchValues<char> Characters = SearchValues.Create(BasicSet + ExtensionSet);

    /// <summary>Whether the text can be sent in the GSM 7-bit alphabet.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when every character is in the alphabet or its extension table.</returns>
    public static bool CanEncode(string text) => !text.AsSpan().ContainsAnyExcept(Characters);
}

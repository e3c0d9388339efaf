namespace Rasan.Testing;

/// <summary>One SMS the fake SMSC (<c>fakesmsc</c>) received from Kannel: what the "handset" got.</summary>
/// <param name="From">The sender line.</param>
/// <param name="To">The recipient as Kannel sent it.</param>
/// <param name="Type">How fakesmsc shows the payload: <c>text</c> (GSM 7-bit), <c>ucs-2</c>, or <c>data</c> (binary, and every part of a concatenated message).</param>
/// <param name="Text">The text, decoded for <c>text</c> and <c>ucs-2</c>; for <c>data</c>, the payload bytes as Latin-1 characters.</param>
/// <param name="Udh">The User Data Header bytes of a part of a concatenated message, or <see langword="null"/>.</param>
public sealed record KannelHandsetMessage(string From, string To, string Type, string Text, byte[]? Udh = null)
{
    /// <summary>For a part of a concatenated message: its reference, part count and sequence number (from the 8-bit concatenation header).</summary>
    public (int Reference, int Count, int Sequence)? Part
        => Udh is [_, 0x00, 0x03, var reference, var count, var sequence, ..] ? (reference, count, sequence) : null;
}

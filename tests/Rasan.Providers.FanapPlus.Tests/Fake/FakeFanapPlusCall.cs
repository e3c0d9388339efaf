namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>One <c>message/post</c> call as the fake decoded it (after gunzip), for assertions.</summary>
/// <param name="ContentType">The request's content type.</param>
/// <param name="ContentEncoding">The request's content encoding, if any.</param>
/// <param name="Gzipped">Whether the body was gzip-compressed.</param>
/// <param name="WireBytes">The body's size as sent.</param>
/// <param name="Json">The decoded JSON body.</param>
/// <param name="SignedStrings">The strings whose signatures the fake checked, in message order.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Reason">The plain-text reason of a refusal.</param>
public sealed record FakeFanapPlusCall(
    string? ContentType, string? ContentEncoding, bool Gzipped, long WireBytes, string Json, IReadOnlyList<string> SignedStrings, int Status, string? Reason)
{
    /// <summary>A short summary for assertion messages (the JSON of a batch is long).</summary>
    /// <returns>Status, content type, size and reason.</returns>
    public override string ToString() => $"HTTP {Status} {ContentType} gzip={Gzipped} {WireBytes} bytes {Reason}";
}

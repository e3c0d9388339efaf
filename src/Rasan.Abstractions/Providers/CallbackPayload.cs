namespace Rasan.Providers;

/// <summary>An HTTP callback a provider made to Rasan, reduced to what parsers need.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Query">The query string values.</param>
/// <param name="ContentType">The body's content type.</param>
/// <param name="Body">The body (size-capped by the endpoint).</param>
public sealed record CallbackPayload(
    string Method, IReadOnlyDictionary<string, string> Query, string? ContentType, ReadOnlyMemory<byte> Body);

namespace Rasan.Testing.Providers;

/// <summary>One request a provider fake received, with every secret already redacted.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, secrets replaced by <c>***</c>.</param>
/// <param name="Parameters">The decoded query and form (or JSON) parameters.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record ProviderFakeRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Parameters, DateTimeOffset ReceivedAt);

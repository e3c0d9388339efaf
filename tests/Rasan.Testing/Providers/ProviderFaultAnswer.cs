namespace Rasan.Testing.Providers;

/// <summary>What a provider fake will answer for an injected fault, as the provider should keep it on the outcome.</summary>
/// <param name="Code">The provider's code the outcome must carry, or <see langword="null"/> when any code will do.</param>
/// <param name="Text">The provider's text the outcome must carry, or <see langword="null"/> when any text will do.</param>
public sealed record ProviderFaultAnswer(string? Code, string? Text);

namespace Rasan.Providers;

/// <summary>
/// A provider-specific option a sender may set on a message (<c>providerOptions</c> in the send API), such as
/// FanapPlus's message type. The engine rejects an option its account's provider does not declare and a value outside
/// <see cref="AllowedValues"/>; <see cref="IProviderOptionsValidator"/> checks the rest.
/// </summary>
/// <param name="Name">The key in <c>providerOptions</c>; camelCase.</param>
/// <param name="Description">What it does, for the API document and the panel.</param>
public sealed record ProviderOption(string Name, string Description)
{
    /// <summary>
    /// The values it may take, or <see langword="null"/> for free text. Matched without regard to case; the message
    /// stores the spelling given here.
    /// </summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }
}

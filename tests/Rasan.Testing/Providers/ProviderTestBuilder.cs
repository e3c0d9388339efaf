using Microsoft.Extensions.DependencyInjection;

namespace Rasan.Testing.Providers;

/// <summary>The <see cref="IRasanBuilder"/> provider tests register a provider through, without the engine.</summary>
/// <param name="Services">The service collection.</param>
internal sealed record ProviderTestBuilder(IServiceCollection Services) : IRasanBuilder;

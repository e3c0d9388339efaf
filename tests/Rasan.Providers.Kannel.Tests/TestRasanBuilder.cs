using Microsoft.Extensions.DependencyInjection;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>A Rasan builder without the engine: the provider's registration is tested on its own.</summary>
/// <param name="Services">The services.</param>
internal sealed record TestRasanBuilder(IServiceCollection Services) : IRasanBuilder;

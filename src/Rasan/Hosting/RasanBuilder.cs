namespace Microsoft.Extensions.DependencyInjection;

internal sealed record RasanBuilder(IServiceCollection Services) : IRasanBuilder;

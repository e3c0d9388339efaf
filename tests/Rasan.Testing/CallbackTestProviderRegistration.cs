using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rasan.Providers;

namespace Rasan.Testing;

/// <summary>Registers <see cref="CallbackTestProvider"/> beside the engine's providers.</summary>
public static class CallbackTestProviderRegistration
{
    /// <summary>Adds the provider once, resolvable as itself and as an <see cref="IMessageProvider"/>.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddCallbackTestProvider(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new CallbackTestProvider(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProvider, CallbackTestProvider>(sp => sp.GetRequiredService<CallbackTestProvider>()));
        return services;
    }
}

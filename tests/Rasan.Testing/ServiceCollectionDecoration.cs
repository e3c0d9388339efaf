using Microsoft.Extensions.DependencyInjection;

namespace Rasan.Testing;

/// <summary>Wraps a registered singleton in a decorator that is itself resolvable, so a test can reach it.</summary>
public static class ServiceCollectionDecoration
{
    /// <summary>
    /// Replaces the one registration of <typeparamref name="TService"/> (by type or by factory) with
    /// <paramref name="decorate"/> over it; both <typeparamref name="TService"/> and <typeparamref name="TDecorator"/>
    /// then resolve to the same decorator.
    /// </summary>
    public static IServiceCollection DecorateSingleton<TService, TDecorator>(
        this IServiceCollection services, Func<TService, TDecorator> decorate)
        where TService : class
        where TDecorator : class, TService
    {
        ArgumentNullException.ThrowIfNull(decorate);
        var original = services.Single(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.AddSingleton(sp => decorate(original switch
        {
            { ImplementationInstance: TService instance } => instance,
            { ImplementationFactory: { } factory } => (TService)factory(sp),
            _ => (TService)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!),
        }));
        services.AddSingleton<TService>(sp => sp.GetRequiredService<TDecorator>());
        return services;
    }
}

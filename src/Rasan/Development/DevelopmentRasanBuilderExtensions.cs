using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rasan.Development;
using Rasan.Providers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the development provider to Rasan.</summary>
public static class DevelopmentRasanBuilderExtensions
{
    /// <summary>The provider type name of the development provider, for its accounts.</summary>
    public const string DevelopmentProviderType = DevelopmentProvider.ProviderType;

    /// <summary>
    /// Adds the development provider (type <c>development</c>, channel sms): it sends nothing, records each message in
    /// <see cref="DevelopmentLedger"/> and reports it Delivered after a short delay. Numbers ending in 0000 fail
    /// permanently; numbers ending in 0001 fail transiently twice, then succeed.
    /// </summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="configure">Changes its settings.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>Safe to call more than once. Accounts of type <c>development</c> are data, added at run time.</remarks>
    public static IRasanBuilder AddDevelopmentProvider(this IRasanBuilder builder, Action<DevelopmentProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DevelopmentProviderOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<DevelopmentProviderOptions>, DevelopmentProviderOptionsValidator>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.TryAddSingleton<DevelopmentLedger>();
        builder.Services.TryAddSingleton<DevelopmentProvider>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProvider, DevelopmentProvider>(sp => sp.GetRequiredService<DevelopmentProvider>()));
        return builder;
    }
}

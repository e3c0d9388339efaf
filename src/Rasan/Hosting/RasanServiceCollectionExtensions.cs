using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Rasan;
using Rasan.Accept;
using Rasan.Callbacks;
using Rasan.Delivery;
using Rasan.Dispatch;
using Rasan.Phones;
using Rasan.Providers;
using Rasan.Telemetry;
using Rasan.Tokens;
using Rasan.Tracking;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Rasan engine to a service collection.</summary>
public static class RasanServiceCollectionExtensions
{
    /// <summary>Adds the Rasan engine with default settings.</summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to add a store and providers with.</returns>
    /// <remarks>Safe to call more than once. Start-up fails with one line naming the fixes when no store was added.</remarks>
    public static IRasanBuilder AddRasan(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(RasanMarker)))
        {
            return new RasanBuilder(services);
        }

        services.AddSingleton<RasanMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RasanOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RasanOptions>, RasanOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RasanOptions>, RasanCrossFieldValidator>());

        services.TryAddSingleton<RasanInstrumentation>();
        services.TryAddSingleton<PhoneNumberNormalizer>();
        services.TryAddSingleton<MessageIdGenerator>();
        services.TryAddSingleton<AccountDirectory>();
        services.TryAddSingleton<ProviderRegistry>();
        services.TryAddSingleton<IAccountChecker, AccountChecker>();
        services.TryAddSingleton<AccountGuards>();
        services.TryAddSingleton<SendRequestValidator>();
        services.TryAddSingleton<GroupCommitWriter>();
        services.TryAddSingleton<DispatchSignal>();
        services.TryAddSingleton<StatusNotifier>();
        services.TryAddSingleton<IMessageSender, MessageSender>();
        services.TryAddSingleton<IMessageTracker, MessageTracker>();
        services.TryAddSingleton<ApiTokenService>();
        services.TryAddSingleton<TokenUseRecorder>();
        services.TryAddSingleton<IApiTokenAuthenticator>(sp => sp.GetRequiredService<ApiTokenService>());
        services.TryAddSingleton<IApiTokenIssuer>(sp => sp.GetRequiredService<ApiTokenService>());
        services.TryAddSingleton<IApiTokenManager>(sp => sp.GetRequiredService<ApiTokenService>());
        services.TryAddSingleton<Dispatcher>();
        services.TryAddSingleton<DeliveryPoller>();
        services.TryAddSingleton<CallbackSigner>();
        services.TryAddSingleton<ICallbackReceiver, CallbackReceiver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DispatcherHostedService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeliveryPollerHostedService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TokenUseFlushService>());
        return new RasanBuilder(services);
    }

    /// <summary>Adds the Rasan engine with settings bound from a configuration section (usually <c>Rasan</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section; an unknown key fails start-up with its path.</param>
    /// <returns>A builder to add a store and providers with.</returns>
    public static IRasanBuilder AddRasan(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddRasan();
        services.AddOptions<RasanOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    /// <summary>Adds the Rasan engine with settings set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add a store and providers with.</returns>
    public static IRasanBuilder AddRasan(this IServiceCollection services, Action<RasanOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddRasan();
        services.Configure(configure);
        return builder;
    }

    private sealed class RasanMarker;
}

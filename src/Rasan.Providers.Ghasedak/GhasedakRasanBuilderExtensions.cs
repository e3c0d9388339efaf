using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rasan.Providers;
using Rasan.Providers.Ghasedak;
using Rasan.Providers.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Ghasedak SMS provider to Rasan.</summary>
public static class GhasedakRasanBuilderExtensions
{
    /// <summary>The provider type name of Ghasedak accounts.</summary>
    public const string GhasedakProviderType = GhasedakDefaults.ProviderType;

    /// <summary>The account setting that holds a Ghasedak account's API key (a secret).</summary>
    public const string GhasedakApiKeySetting = GhasedakDefaults.ApiKeyField;

    /// <summary>The largest answer read from the gateway: a 100-id status answer is about 30 kB.</summary>
    private const int MaxAnswerBytes = 1 << 20;

    /// <summary>
    /// Adds the Ghasedak SMS provider (type <c>ghasedak</c>, channel sms) with default settings: sending, delivery
    /// status polling, account credit and expiry, and account checks.
    /// </summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>
    /// Safe to call more than once. Accounts of type <c>ghasedak</c> and their API keys (setting <c>apiKey</c>) are data,
    /// added at run time; the account's sender is its line number. Settings are validated at start-up.
    /// </remarks>
    public static IRasanBuilder AddGhasedak(this IRasanBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddGhasedakServices(builder.Services);
        return builder;
    }

    /// <summary>Adds the Ghasedak SMS provider and changes its settings.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="configure">Changes the provider-wide settings.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once; every <paramref name="configure"/> runs, in order.</remarks>
    public static IRasanBuilder AddGhasedak(this IRasanBuilder builder, Action<GhasedakOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddGhasedakServices(builder.Services).Configure(configure);
        return builder;
    }

    /// <summary>Adds the Ghasedak SMS provider with settings bound from a configuration section.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="section">The section, such as <c>Rasan:Ghasedak</c>; a key it does not know fails start-up with its path.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once.</remarks>
    public static IRasanBuilder AddGhasedak(this IRasanBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddGhasedakServices(builder.Services).Bind(section, static binder => binder.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    private static OptionsBuilder<GhasedakOptions> AddGhasedakServices(IServiceCollection services)
    {
        var options = services.AddOptionsWithValidateOnStart<GhasedakOptions, GhasedakOptionsValidator>();

        if (!services.Any(static d => d.ServiceType == typeof(GhasedakClient)))
        {
            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<GhasedakClient>();
            services.AddSingleton<GhasedakProvider>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProvider, GhasedakProvider>(static sp => sp.GetRequiredService<GhasedakProvider>()));
            AddGatewayClient(services);
        }

        return options;
    }

    private static void AddGatewayClient(IServiceCollection services)
        => services
            .AddProviderHttpClient(GhasedakDefaults.HttpClientName, new ProviderHttpClientOptions { Provider = "Ghasedak", MaxAnswerBytes = MaxAnswerBytes })
            .ConfigureHttpClient(static (sp, client) =>
            {
                var settings = sp.GetRequiredService<IOptions<GhasedakOptions>>().Value;
                client.BaseAddress = ProviderBaseAddress.AsBase(settings.BaseAddress);
                client.Timeout = settings.Timeout;
            });
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rasan.Providers;
using Rasan.Providers.FanapPlus;
using Rasan.Providers.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the FanapPlus provider to Rasan.</summary>
public static class FanapPlusRasanBuilderExtensions
{
    /// <summary>The provider type name of FanapPlus accounts.</summary>
    public const string FanapPlusProviderType = FanapPlusDefaults.ProviderType;

    /// <summary>The largest answer read: a 1,000-message answer is about 40 kB.</summary>
    private const int MaxAnswerBytes = 1 << 20;

    /// <summary>
    /// Adds the FanapPlus provider (type <c>fanapplus</c>, channel sms) with default settings: signed sending over the v6
    /// <c>message/post</c> contract, the per-message options <c>messageType</c>, <c>replyTo</c> and
    /// <c>deliveryDeadline</c>, the operators' quiet hours for paid content, and account checks.
    /// </summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>
    /// Safe to call more than once. Accounts of type <c>fanapplus</c> (settings <c>sid</c>, <c>privateKey</c>,
    /// <c>channelType</c>, …) are data, added at run time; their keys are read when they are saved. Settings are
    /// validated at start-up.
    /// </remarks>
    public static IRasanBuilder AddFanapPlus(this IRasanBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddFanapPlusServices(builder.Services);
        return builder;
    }

    /// <summary>Adds the FanapPlus provider and changes its settings.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="configure">Changes the provider-wide settings.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once; every <paramref name="configure"/> runs, in order.</remarks>
    public static IRasanBuilder AddFanapPlus(this IRasanBuilder builder, Action<FanapPlusOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddFanapPlusServices(builder.Services).Configure(configure);
        return builder;
    }

    /// <summary>Adds the FanapPlus provider with settings bound from a configuration section.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="section">The section, such as <c>Rasan:FanapPlus</c>; a key it does not know fails start-up with its path.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once.</remarks>
    public static IRasanBuilder AddFanapPlus(this IRasanBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddFanapPlusServices(builder.Services).Bind(section, static binder => binder.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    private static OptionsBuilder<FanapPlusOptions> AddFanapPlusServices(IServiceCollection services)
    {
        var options = services.AddOptionsWithValidateOnStart<FanapPlusOptions, FanapPlusOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FanapPlusOptions>, FanapPlusCrossFieldValidator>());

        if (!services.Any(static d => d.ServiceType == typeof(FanapPlusClient)))
        {
            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<FanapPlusClient>();
            services.AddSingleton<FanapPlusKeyCache>();
            services.AddSingleton<FanapPlusProvider>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProvider, FanapPlusProvider>(static sp => sp.GetRequiredService<FanapPlusProvider>()));
            AddServiceClient(services);
        }

        return options;
    }

    private static void AddServiceClient(IServiceCollection services)
        => services
            .AddProviderHttpClient(FanapPlusDefaults.HttpClientName, new ProviderHttpClientOptions { Provider = "FanapPlus", MaxAnswerBytes = MaxAnswerBytes })
            .ConfigureHttpClient(static (sp, client) =>
            {
                var settings = sp.GetRequiredService<IOptions<FanapPlusOptions>>().Value;
                client.BaseAddress = ProviderBaseAddress.AsBase(settings.BaseAddress);
                client.Timeout = settings.Timeout;
            });
}

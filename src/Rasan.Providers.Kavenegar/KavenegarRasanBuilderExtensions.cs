using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rasan.Providers;
using Rasan.Providers.Http;
using Rasan.Providers.Kavenegar;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Kavenegar SMS provider to Rasan.</summary>
public static class KavenegarRasanBuilderExtensions
{
    /// <summary>The provider type name of Kavenegar accounts.</summary>
    public const string KavenegarProviderType = KavenegarDefaults.ProviderType;

    /// <summary>The account setting that holds a Kavenegar account's API key (a secret).</summary>
    public const string KavenegarApiKeySetting = KavenegarDefaults.ApiKeyField;

    /// <summary>The largest answer body read from Kavenegar; a 200-message answer is about 60 kB.</summary>
    private const long MaxAnswerSize = 1024 * 1024;

    /// <summary>
    /// Adds the Kavenegar SMS provider (type <c>kavenegar</c>, channel sms) with default settings: sending, delivery
    /// status polling, account balance and expiry, and account checks.
    /// </summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>
    /// Safe to call more than once. Accounts of type <c>kavenegar</c> and their API keys (setting <c>apiKey</c>) are data,
    /// added at run time; the account's sender is its line number. Settings are validated at start-up.
    /// </remarks>
    public static IRasanBuilder AddKavenegar(this IRasanBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services);
        return builder;
    }

    /// <summary>Adds the Kavenegar SMS provider and changes its settings.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="configure">Changes the provider-wide settings.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once; every <paramref name="configure"/> runs, in order.</remarks>
    public static IRasanBuilder AddKavenegar(this IRasanBuilder builder, Action<KavenegarOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(builder.Services);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the Kavenegar SMS provider with settings bound from a configuration section.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="section">The section, such as <c>Rasan:Kavenegar</c>; a key it does not know fails start-up with its path.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once.</remarks>
    public static IRasanBuilder AddKavenegar(this IRasanBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddCore(builder.Services);
        builder.Services.AddOptions<KavenegarOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.AddOptions<KavenegarOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KavenegarOptions>, KavenegarOptionsValidator>());
        if (services.Any(d => d.ServiceType == typeof(KavenegarProvider)))
        {
            // The client below is configured once: a second call would add its Accept header twice.
            return;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<KavenegarProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProvider, KavenegarProvider>(sp => sp.GetRequiredService<KavenegarProvider>()));
        services.TryAddSingleton<KavenegarClient>();
        services.AddProviderHttpClient(
                KavenegarDefaults.HttpClientName,
                new ProviderHttpClientOptions { Provider = "Kavenegar", RedactPath = KavenegarRedaction.RedactPath, MaxAnswerBytes = MaxAnswerSize })
            .ConfigureHttpClient(static (sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<KavenegarOptions>>().Value;
                client.BaseAddress = ProviderBaseAddress.AsBase(options.BaseAddress);
                client.Timeout = options.Timeout;
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            });
    }
}

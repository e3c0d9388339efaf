using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rasan.Providers;
using Rasan.Providers.Kannel;
using Rasan.Providers.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Kannel SMS provider to Rasan.</summary>
public static class KannelRasanBuilderExtensions
{
    /// <summary>The provider type name of Kannel accounts.</summary>
    public const string KannelProviderType = KannelDefaults.ProviderType;

    /// <summary>
    /// The name of the <see cref="HttpClient"/> the provider gets from <see cref="IHttpClientFactory"/>, to add a
    /// handler or client certificate with <c>services.AddHttpClient(HttpClientName)</c>. Its default request logging is
    /// removed, because <c>sendsms</c> carries the password in its query string.
    /// </summary>
    public const string HttpClientName = KannelDefaults.HttpClientName;

    /// <summary>
    /// Adds the Kannel provider (type <c>kannel</c>, channel sms) with default settings: it sends through a Kannel
    /// smsbox's HTTP <c>sendsms</c> interface and reads Kannel's delivery reports.
    /// </summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>
    /// Safe to call more than once. Accounts are data added at run time, with the fields <c>url</c> (the smsbox
    /// <c>sendsms</c> URL), <c>username</c>, <c>password</c> and optionally <c>smsc</c> (an smsc-id route).
    /// </remarks>
    public static IRasanBuilder AddKannel(this IRasanBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<KannelOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KannelOptions>, KannelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(d => d.ServiceType == typeof(KannelProvider)))
        {
            services.AddProviderHttpClient(KannelDefaults.HttpClientName, new ProviderHttpClientOptions { Provider = "Kannel" });
            services.AddSingleton<KannelProvider>();
        }

        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IMessageProvider, KannelProvider>(sp => sp.GetRequiredService<KannelProvider>()));
        return builder;
    }

    /// <summary>Adds the Kannel provider with settings set in code.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="configure">Changes the settings.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once; every <paramref name="configure"/> is applied in order.</remarks>
    public static IRasanBuilder AddKannel(this IRasanBuilder builder, Action<KannelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddKannel();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the Kannel provider with settings bound from a configuration section (such as <c>Rasan:Kannel</c>).</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="section">The section; an unknown key fails start-up with its path.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once.</remarks>
    public static IRasanBuilder AddKannel(this IRasanBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddKannel();
        builder.Services.AddOptions<KannelOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true);
        return builder;
    }
}

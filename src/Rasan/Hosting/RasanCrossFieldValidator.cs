using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rasan.Callbacks;
using Rasan.Storage;

namespace Rasan;

/// <summary>Checks what the attribute validator cannot: settings that depend on each other, and that a store was added.</summary>
internal sealed class RasanCrossFieldValidator(IServiceProviderIsService services) : IValidateOptions<RasanOptions>
{
    public ValidateOptionsResult Validate(string? name, RasanOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (!services.IsService(typeof(IMessageStore)) || !services.IsService(typeof(ITenancyStore)))
        {
            builder.AddError(
                "Rasan has no store: call AddSqliteStores(...), AddPostgreSqlStores(...) or AddInMemoryStores() on the builder AddRasan() returns.");
        }

        var dispatcher = options.Dispatcher;
        if (dispatcher.RetryMaxDelay < dispatcher.RetryBaseDelay)
        {
            builder.AddError("must not be shorter than Rasan:Dispatcher:RetryBaseDelay.", "Rasan:Dispatcher:RetryMaxDelay");
        }

        if (dispatcher.ProviderTimeout + dispatcher.LeaseSafetyMargin >= dispatcher.LeaseDuration)
        {
            builder.AddError(
                "must be shorter than Rasan:Dispatcher:LeaseDuration less a tenth of it (at least 1 s), or a slow call outlives its lease.",
                "Rasan:Dispatcher:ProviderTimeout");
        }

        var callbacks = options.Callbacks;
        if (callbacks.BaseUrl is { } baseUrl)
        {
            if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            {
                builder.AddError("must be an absolute http or https address.", "Rasan:Callbacks:BaseUrl");
            }

            if (callbacks.SigningKey is not { Length: >= CallbackSigner.MinimumKeyLength })
            {
                builder.AddError(
                    $"must be set, at least {CallbackSigner.MinimumKeyLength} characters, when Rasan:Callbacks:BaseUrl is.", "Rasan:Callbacks:SigningKey");
            }
        }

        return builder.Build();
    }
}

using Microsoft.Extensions.Options;

namespace Rasan.Providers.Kavenegar;

/// <summary>Checks what annotations cannot: that <see cref="KavenegarOptions.BaseAddress"/> is an absolute HTTP(S) address.</summary>
internal sealed class KavenegarOptionsAddressValidator : IValidateOptions<KavenegarOptions>
{
    public ValidateOptionsResult Validate(string? name, KavenegarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = options.BaseAddress;
        if (address is null)
        {
            // The generated validator reports the missing value.
            return ValidateOptionsResult.Skip;
        }

        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            return ValidateOptionsResult.Fail(
                $"{nameof(KavenegarOptions)}.{nameof(KavenegarOptions.BaseAddress)} must be an absolute http or https address, such as https://api.kavenegar.com/.");
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            return ValidateOptionsResult.Fail(
                $"{nameof(KavenegarOptions)}.{nameof(KavenegarOptions.BaseAddress)} must not have a query or a fragment.");
        }

        return ValidateOptionsResult.Success;
    }
}

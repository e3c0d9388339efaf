using Microsoft.Extensions.Options;

namespace Rasan.Providers.Ghasedak;

/// <summary>
/// Checks what annotations cannot about <see cref="GhasedakOptions.BaseAddress"/>: absolute, http or https, no query
/// or fragment (method names are appended to it).
/// </summary>
internal sealed class GhasedakBaseAddressValidator : IValidateOptions<GhasedakOptions>
{
    private const string Setting = $"{nameof(GhasedakOptions)}.{nameof(GhasedakOptions.BaseAddress)}";

    public ValidateOptionsResult Validate(string? name, GhasedakOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = options.BaseAddress switch
        {
            null => null, // [Required] reports it.
            { IsAbsoluteUri: false } => $"{Setting} must be an absolute address, such as {GhasedakDefaults.GatewayAddress}.",
            { Scheme: not ("https" or "http") } address => $"{Setting} must be an http or https address; '{address.Scheme}' is neither.",
            { Query.Length: > 0 } or { Fragment.Length: > 0 } => $"{Setting} must not have a query or a fragment: method names are appended to it.",
            _ => null,
        };
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}

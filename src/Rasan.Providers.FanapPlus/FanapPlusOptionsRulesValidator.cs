using Microsoft.Extensions.Options;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Checks what annotations cannot about <see cref="FanapPlusOptions"/>: <see cref="FanapPlusOptions.BaseAddress"/> is an
/// absolute http(s) address without query or fragment (the method path is appended to it), and
/// <see cref="FanapPlusOptions.SignatureFieldOrder"/> is a defined order. Reports every failure at once.
/// </summary>
internal sealed class FanapPlusOptionsRulesValidator : IValidateOptions<FanapPlusOptions>
{
    private const string Address = $"{nameof(FanapPlusOptions)}.{nameof(FanapPlusOptions.BaseAddress)}";
    private const string Order = $"{nameof(FanapPlusOptions)}.{nameof(FanapPlusOptions.SignatureFieldOrder)}";

    public ValidateOptionsResult Validate(string? name, FanapPlusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(2);
        var addressProblem = options.BaseAddress switch
        {
            null => null, // [Required] reports it.
            { IsAbsoluteUri: false } => $"{Address} must be an absolute address, such as {FanapPlusDefaults.ServiceAddress}.",
            { Scheme: not ("https" or "http") } address => $"{Address} must be an http or https address; '{address.Scheme}' is neither.",
            { Query.Length: > 0 } or { Fragment.Length: > 0 } => $"{Address} must not have a query or a fragment: the method path is appended to it.",
            _ => null,
        };
        if (addressProblem is not null)
        {
            failures.Add(addressProblem);
        }

        if (!Enum.IsDefined(options.SignatureFieldOrder))
        {
            failures.Add($"{Order} must be {nameof(FanapPlusSignatureFieldOrder.UidThenSid)} or {nameof(FanapPlusSignatureFieldOrder.SidThenUid)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

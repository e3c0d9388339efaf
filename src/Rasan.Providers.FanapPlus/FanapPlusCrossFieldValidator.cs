using Microsoft.Extensions.Options;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Checks the <see cref="FanapPlusOptions"/> settings attributes cannot: that <see cref="FanapPlusOptions.TimeZone"/> is a
/// zone this machine knows, and that <see cref="FanapPlusOptions.DeliveryStatuses"/> holds usable names and states.
/// Reports every failure at once.
/// </summary>
internal sealed class FanapPlusCrossFieldValidator : IValidateOptions<FanapPlusOptions>
{
    private const string Prefix = nameof(FanapPlusOptions) + ".";

    public ValidateOptionsResult Validate(string? name, FanapPlusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            builder.AddError(
                $"'{options.TimeZone}' is not a time zone this machine knows; use an IANA id such as Asia/Tehran.", Prefix + nameof(FanapPlusOptions.TimeZone));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (status, state) in options.DeliveryStatuses)
        {
            var path = $"{Prefix}{nameof(FanapPlusOptions.DeliveryStatuses)}[{status}]";
            if (string.IsNullOrWhiteSpace(status) || status.Any(char.IsWhiteSpace))
            {
                builder.AddError("A status name must be a single word.", path);
            }
            else if (string.Equals(status, FanapPlusDefaults.NotSupportedStatus, StringComparison.OrdinalIgnoreCase))
            {
                builder.AddError("NotSupported always fails the message for good; it cannot be mapped to a delivery state.", path);
            }
            else if (!seen.Add(status))
            {
                builder.AddError("The status is listed twice, in different case; names are matched without regard to case.", path);
            }

            if (!Enum.IsDefined(state))
            {
                builder.AddError($"{state} is not a delivery state; use Pending, Delivered, Failed or Expired.", path);
            }
        }

        return builder.Build();
    }
}

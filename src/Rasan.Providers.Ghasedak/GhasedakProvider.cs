using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rasan.Providers.Ghasedak;

/// <summary>
/// The Ghasedak SMS provider over the gateway API: sends through <c>SendSingleSMS</c>, <c>SendPairToPairSMS</c> or
/// <c>SendBulkSMS</c>, polls <c>CheckSmsStatus</c>, reads <c>GetAccountInformation</c> and checks accounts. One partial
/// file per capability. Never retries: the dispatcher does.
/// </summary>
internal sealed partial class GhasedakProvider(
    GhasedakClient client,
    IOptions<GhasedakOptions> options,
    TimeProvider time,
    ILogger<GhasedakProvider> logger)
    : IMessageProvider, IDeliveryStatusPoller, IAccountInfoProvider, IAccountValidator
{
    private readonly GhasedakOptions _options = options.Value;

    public ProviderDescriptor Descriptor { get; } = new()
    {
        Type = GhasedakDefaults.ProviderType,
        DisplayName = "Ghasedak",
        Channel = Channel.Sms,
        MaxBatchSize = options.Value.MaxBatchSize,
        Fields = [new ProviderField(GhasedakDefaults.ApiKeyField, "API key", Required: true, Secret: true)],
    };

    /// <summary>The account's API key, when it has one a header can carry.</summary>
    private static bool TryGetApiKey(ProviderContext context, [NotNullWhen(true)] out string? apiKey)
    {
        apiKey = context.GetSetting(GhasedakDefaults.ApiKeyField)?.Trim();
        return IsUsableKey(apiKey);
    }

    private static bool IsUsableKey([NotNullWhen(true)] string? apiKey)
        => !string.IsNullOrEmpty(apiKey) && !apiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}

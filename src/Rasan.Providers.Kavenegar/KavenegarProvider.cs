using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rasan.Providers.Kavenegar;

/// <summary>
/// The Kavenegar SMS provider: sends through <c>sms/send</c> or <c>sms/sendarray</c>, polls <c>sms/status</c>, reads
/// <c>account/info</c> and checks accounts. One partial file per capability. Never retries: the dispatcher does.
/// </summary>
internal sealed partial class KavenegarProvider(
    KavenegarClient client,
    IOptions<KavenegarOptions> options,
    TimeProvider time,
    ILogger<KavenegarProvider> logger)
    : IMessageProvider, IDeliveryStatusPoller, IAccountInfoProvider, IAccountValidator
{
    private readonly KavenegarOptions _options = options.Value;

    public ProviderDescriptor Descriptor { get; } = new()
    {
        Type = KavenegarDefaults.ProviderType,
        DisplayName = "Kavenegar",
        Channel = Channel.Sms,
        MaxBatchSize = options.Value.MaxBatchSize,
        Fields = [new ProviderField(KavenegarDefaults.ApiKeyField, "API key", Required: true, Secret: true)],
    };

    private static string? ApiKey(ProviderContext context)
        => context.GetSetting(KavenegarDefaults.ApiKeyField) is { Length: > 0 } key && !string.IsNullOrWhiteSpace(key) ? key : null;
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// The FanapPlus provider over the v6 <c>message/post</c> contract: sends signed messages in the single, broadcast or
/// batch shape and checks accounts (their keys included). The contract documents no status query, no delivery-report
/// format and no balance query, so the provider has none of those capabilities. One partial file per capability. Never
/// retries: the dispatcher does.
/// </summary>
internal sealed partial class FanapPlusProvider(
    FanapPlusClient client,
    FanapPlusKeyCache keys,
    IOptions<FanapPlusOptions> options,
    TimeProvider time,
    ILogger<FanapPlusProvider> logger)
    : IMessageProvider, IAccountValidator
{
    private readonly FanapPlusOptions _options = options.Value;

    public ProviderDescriptor Descriptor { get; } = new()
    {
        Type = FanapPlusDefaults.ProviderType,
        DisplayName = "FanapPlus",
        Channel = Channel.Sms,
        MaxBatchSize = options.Value.MaxBatchSize,
        Fields =
        [
            new ProviderField(FanapPlusDefaults.SidField, "Service id (Sid, 32 hex)", Required: true),
            new ProviderField(FanapPlusDefaults.PrivateKeyField, "RSA private key (PEM or .NET XML)", Required: true, Secret: true),
            new ProviderField(FanapPlusDefaults.PrivateKeyPasswordField, "Private key password (encrypted keys)", Secret: true),
            new ProviderField(FanapPlusDefaults.ChannelTypeField, "Channel type (Imi, Mtn, Rightel, Magfa)", Required: true),
            new ProviderField(FanapPlusDefaults.MessageTypeField, "Message type (Content, PremiumContent)"),
            new ProviderField(FanapPlusDefaults.TargetField, "Recipient field (phone or account)"),
            new ProviderField(FanapPlusDefaults.AppIdField, "App id (AppId)"),
            new ProviderField(FanapPlusDefaults.SignatureOrderField, "Signature field order (documented or example)"),
            new ProviderField(FanapPlusDefaults.SignatureAccountIdField, "Signature AccountId when sending by phone (empty or phone)"),
        ],
    };
}

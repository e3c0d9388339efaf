using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// The FanapPlus provider over the v6 <c>message/post</c> contract: sends signed messages in the single, broadcast or
/// batch shape, checks accounts (their keys included) and each message's options, and holds paid content through the
/// operators' quiet hours. The contract documents no status query, no delivery-report format and no balance query, so
/// the provider has none of those capabilities; a delivery outcome comes only from a call that waited for it. One
/// partial file per capability. Never retries: the dispatcher does.
/// </summary>
internal sealed partial class FanapPlusProvider(
    FanapPlusClient client,
    FanapPlusKeyCache keys,
    IOptions<FanapPlusOptions> options,
    TimeProvider time,
    ILogger<FanapPlusProvider> logger)
    : IMessageProvider, IAccountValidator, IProviderOptionsValidator, ISendWindow
{
    private readonly FanapPlusOptions _options = options.Value;
    private readonly FanapPlusQuietHours _quietHours = FanapPlusQuietHours.From(options.Value);
    private readonly FrozenDictionary<string, DeliveryState> _deliveryStatuses =
        options.Value.DeliveryStatuses.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

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
        Options =
        [
            new ProviderOption(
                FanapPlusDefaults.MessageTypeOption,
                "The FanapPlus message type of this message, in place of the account's messageType setting. Content is free; "
                + "PremiumContent charges the subscriber, and operators forbid it at night (by default 23:00 to 08:00 Tehran time), "
                + "so such a message is held until the quiet hours end rather than refused. Verification, Subscription and Unsubscription are the "
                + "two-step subscription flow: Verification asks FanapPlus to send the subscriber a code, Subscription sends the "
                + "code the subscriber received back as the message text, and Unsubscription cancels the subscription.")
            {
                AllowedValues = FanapPlusMessageTypes.All,
            },
            new ProviderOption(
                FanapPlusDefaults.ReplyToOption,
                "The Muid of the subscriber's incoming message this message answers (FanapPlus's receive service hands it out): "
                + "1 to 64 letters, digits or '-'. Required when the account's channel type is Mtn (Irancell), which checks it; "
                + "other channels ignore it."),
            new ProviderOption(
                FanapPlusDefaults.DeliveryDeadlineOption,
                "A future ISO 8601 time with its offset, such as 2025-03-01T18:00:00+03:30. If FanapPlus still does not know "
                + "whether the message was delivered by then, it reports a final state anyway. Sent to FanapPlus in UTC."),
        ],
    };
}

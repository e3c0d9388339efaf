namespace Rasan.Providers.FanapPlus;

/// <summary>Names and limits of the FanapPlus v6 contract that the provider's parts share (providers/fanapplus.md).</summary>
internal static class FanapPlusDefaults
{
    /// <summary>The provider type stored on accounts.</summary>
    public const string ProviderType = "fanapplus";

    /// <summary>The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client.</summary>
    public const string HttpClientName = "Rasan.Providers.FanapPlus";

    /// <summary>The service's address, <see cref="FanapPlusOptions.BaseAddress"/>'s default.</summary>
    public const string ServiceAddress = "https://xcp.fanap.plus/";

    /// <summary>The send method, relative to <see cref="FanapPlusOptions.BaseAddress"/>.</summary>
    public const string PostPath = "api/v6.0/message/post";

    /// <summary>The most messages Rasan puts in one call (the guide's broadcast example has 1,000).</summary>
    public const int MaxMessagesPerCall = 1_000;

    /// <summary>The default of <see cref="FanapPlusOptions.GzipThreshold"/>, in bytes.</summary>
    public const int GzipThreshold = 8_192;

    /// <summary>The account setting: the service id (32 hex).</summary>
    public const string SidField = "sid";

    /// <summary>The account setting: the customer's access id, optional.</summary>
    public const string AppIdField = "appId";

    /// <summary>The account setting: the RSA private key (a secret).</summary>
    public const string PrivateKeyField = "privateKey";

    /// <summary>The account setting: the password of an encrypted private key (a secret).</summary>
    public const string PrivateKeyPasswordField = "privateKeyPassword";

    /// <summary>The account setting: <c>Imi</c>, <c>Mtn</c>, <c>Rightel</c> or <c>Magfa</c>.</summary>
    public const string ChannelTypeField = "channelType";

    /// <summary>The account setting: <c>Content</c> (default) or <c>PremiumContent</c>.</summary>
    public const string MessageTypeField = "messageType";

    /// <summary>The account setting: <c>phone</c> (UserPhoneNumber, default) or <c>account</c> (AccountId).</summary>
    public const string TargetField = "target";

    /// <summary>The account setting: <c>documented</c> (Date,Uid,Sid,…) or <c>example</c> (Date,Sid,Uid,…).</summary>
    public const string SignatureOrderField = "signatureOrder";

    /// <summary>The account setting: what the signature's AccountId slot holds when sending by phone number.</summary>
    public const string SignatureAccountIdField = "signatureAccountId";

    /// <summary>The tag prefix that carries a message's Rasan id (FanapPlus echoes tags in its delivery reports).</summary>
    public const string MessageTagPrefix = "rasan:";

    /// <summary>The message option: the message's type, overriding the account's <see cref="MessageTypeField"/>.</summary>
    public const string MessageTypeOption = "messageType";

    /// <summary>The message option: the Muid of the subscriber's incoming message being answered (<c>ReplyTo</c>).</summary>
    public const string ReplyToOption = "replyTo";

    /// <summary>The message option: when FanapPlus sends a final delivery report even if the state is unknown (<c>DeliveryDeadline</c>).</summary>
    public const string DeliveryDeadlineOption = "deliveryDeadline";

    /// <summary>The channel type whose messages must carry <c>ReplyTo</c> (Irancell).</summary>
    public const string ReplyToChannelType = "Mtn";

    /// <summary>The longest <c>ReplyTo</c> Rasan sends; the guide gives no length (its Muids have 32 characters).</summary>
    public const int MaxReplyToLength = 64;

    /// <summary>The longest <c>SyncDeliveryTimeout</c> the contract allows, in milliseconds.</summary>
    public const int MaxSyncDeliveryTimeout = 20_000;

    /// <summary>
    /// The part of <see cref="FanapPlusOptions.Timeout"/> a synchronous wait leaves for the call itself (sending the
    /// body, FanapPlus's own work, reading the answer), in milliseconds.
    /// </summary>
    public const int SyncDeliveryMargin = 5_000;

    /// <summary>The <c>Details</c> status of a message FanapPlus will not send (the only one the guide documents).</summary>
    public const string NotSupportedStatus = "NotSupported";

    /// <summary>The operators' time zone, <see cref="FanapPlusOptions.TimeZone"/>'s default.</summary>
    public const string TimeZone = "Asia/Tehran";
}

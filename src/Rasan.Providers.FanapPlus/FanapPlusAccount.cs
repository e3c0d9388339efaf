namespace Rasan.Providers.FanapPlus;

/// <summary>
/// The settings of one FanapPlus account, read and checked (the private key apart: <see cref="FanapPlusKeyReader"/>).
/// Values are matched case-insensitively and kept in the contract's spelling.
/// </summary>
/// <param name="Sid">The service id: 32 hexadecimal characters.</param>
/// <param name="AppId">The customer's access id, when the account uses one.</param>
/// <param name="ChannelType"><c>Imi</c>, <c>Mtn</c>, <c>Rightel</c> or <c>Magfa</c>.</param>
/// <param name="MessageType">The type of messages without a <c>messageType</c> option: <c>Content</c> or <c>PremiumContent</c>.</param>
/// <param name="Target">The recipient field.</param>
/// <param name="SignatureOrder">The signature's field order.</param>
/// <param name="SignedAccountId">The signature's AccountId slot when sending by phone number.</param>
internal sealed record FanapPlusAccount(
    string Sid,
    string? AppId,
    string ChannelType,
    string MessageType,
    FanapPlusTarget Target,
    FanapPlusSignatureFieldOrder SignatureOrder,
    FanapPlusSignedAccountId SignedAccountId)
{
    private const int SidLength = 32;
    private const int MaxAppIdLength = 200;
    private const int MaxQuoted = 24;

    private static readonly string[] ChannelTypes = ["Imi", "Mtn", "Rightel", "Magfa"];

    /// <summary>Reads an account's settings, adding a message per bad field (never quoting a secret).</summary>
    /// <param name="account">The account.</param>
    /// <param name="defaultOrder">The signature order when the account sets none (<see cref="FanapPlusOptions.SignatureFieldOrder"/>).</param>
    /// <param name="errors">Where to add the problems, keyed by field (it may already hold others).</param>
    /// <returns>The settings; <see langword="null"/> when any of them is bad.</returns>
    public static FanapPlusAccount? Read(ProviderAccount account, FanapPlusSignatureFieldOrder defaultOrder, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(errors);
        var found = new ValidationErrors();
        var settings = ReadInto(account, defaultOrder, found);
        foreach (var (field, messages) in found.ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        return settings;
    }

    /// <summary>An account's channel type in the contract's spelling, without checking its other settings.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The channel type, or <see langword="null"/> when it is missing or unknown.</returns>
    public static string? ChannelTypeOf(ProviderAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Setting(account, FanapPlusDefaults.ChannelTypeField) is { } channel ? Canonical(ChannelTypes, channel) : null;
    }

    /// <summary>An account's <c>messageType</c> setting as stored, without checking its other settings.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The setting, or <see langword="null"/> when it is not set.</returns>
    public static string? MessageTypeOf(ProviderAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Setting(account, FanapPlusDefaults.MessageTypeField);
    }

    private static FanapPlusAccount? ReadInto(ProviderAccount account, FanapPlusSignatureFieldOrder defaultOrder, ValidationErrors errors)
    {
        var name = account.Name;

        var sid = Setting(account, FanapPlusDefaults.SidField);
        if (sid is null)
        {
            errors.Add(FanapPlusDefaults.SidField, $"FanapPlus account '{name}' needs its service id (sid): the 32 hexadecimal characters FanapPlus gave the service.");
        }
        else if (sid.Length != SidLength || !sid.All(char.IsAsciiHexDigit))
        {
            errors.Add(FanapPlusDefaults.SidField, $"The service id (sid) of FanapPlus account '{name}' must be 32 hexadecimal characters, such as a1b2c3d4e5f60718293a4b5c6d7e8f90; it has {sid.Length} characters{(sid.All(char.IsAsciiHexDigit) ? string.Empty : ", not all hexadecimal")}.");
        }

        var appId = Setting(account, FanapPlusDefaults.AppIdField);
        if (appId is not null && (appId.Length > MaxAppIdLength || appId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            errors.Add(FanapPlusDefaults.AppIdField, $"The app id (appId) of FanapPlus account '{name}' must be at most {MaxAppIdLength} characters without spaces or control characters.");
        }

        var channel = Setting(account, FanapPlusDefaults.ChannelTypeField);
        var channelType = channel is null ? null : Canonical(ChannelTypes, channel);
        if (channelType is null)
        {
            errors.Add(FanapPlusDefaults.ChannelTypeField, channel is null
                ? $"FanapPlus account '{name}' needs its channel type (channelType): Imi, Mtn, Rightel or Magfa."
                : $"The channel type (channelType) of FanapPlus account '{name}' must be Imi, Mtn, Rightel or Magfa; {Quote(channel)} is none of them.");
        }

        var type = Setting(account, FanapPlusDefaults.MessageTypeField);
        var messageType = type is null ? FanapPlusMessageTypes.Content : FanapPlusMessageTypes.Canonical(FanapPlusMessageTypes.AccountTypes, type);
        if (messageType is null)
        {
            errors.Add(FanapPlusDefaults.MessageTypeField, FanapPlusMessageTypes.Canonical(FanapPlusMessageTypes.SubscriptionTypes, type) is { } perMessage
                ? $"The message type (messageType) {perMessage} of FanapPlus account '{name}' is a step of the two-step subscription flow, chosen per message (the send request's providerOptions.messageType); set the account to Content or PremiumContent."
                : $"The message type (messageType) of FanapPlus account '{name}' must be Content or PremiumContent; {Quote(type!)} is neither.");
        }

        var target = Choice(account, FanapPlusDefaults.TargetField, FanapPlusTarget.Phone, [("phone", FanapPlusTarget.Phone), ("account", FanapPlusTarget.Account)], errors,
            $"The recipient field (target) of FanapPlus account '{name}' must be phone (UserPhoneNumber) or account (AccountId)");
        var order = Choice(account, FanapPlusDefaults.SignatureOrderField, defaultOrder,
            [("documented", FanapPlusSignatureFieldOrder.UidThenSid), ("example", FanapPlusSignatureFieldOrder.SidThenUid),
             (nameof(FanapPlusSignatureFieldOrder.UidThenSid), FanapPlusSignatureFieldOrder.UidThenSid), (nameof(FanapPlusSignatureFieldOrder.SidThenUid), FanapPlusSignatureFieldOrder.SidThenUid)],
            errors,
            $"The signature field order (signatureOrder) of FanapPlus account '{name}' must be documented (Date,Uid,Sid,…) or example (Date,Sid,Uid,…)");
        var signedAccountId = Choice(account, FanapPlusDefaults.SignatureAccountIdField, FanapPlusSignedAccountId.Empty,
            [("empty", FanapPlusSignedAccountId.Empty), ("phone", FanapPlusSignedAccountId.PhoneNumber)], errors,
            $"The signature's AccountId slot (signatureAccountId) of FanapPlus account '{name}' must be empty (left out) or phone (the UserPhoneNumber)");

        return errors.Count > 0
            ? null
            : new FanapPlusAccount(sid!, appId, channelType!, messageType!, target, order, signedAccountId);
    }

    private static string? Setting(ProviderAccount account, string field)
        => account.Settings.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? Canonical(string[] names, string value)
        => Array.Find(names, n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));

    private static T Choice<T>(ProviderAccount account, string field, T fallback, (string Name, T Value)[] choices, ValidationErrors errors, string problem)
    {
        var value = Setting(account, field);
        if (value is null)
        {
            return fallback;
        }

        foreach (var (choice, result) in choices)
        {
            if (string.Equals(choice, value, StringComparison.OrdinalIgnoreCase))
            {
                return result;
            }
        }

        errors.Add(field, $"{problem}; {Quote(value)} is neither.");
        return fallback;
    }

    private static string Quote(string value)
        => value.Length <= MaxQuoted ? $"'{value}'" : $"'{value[..MaxQuoted]}…'";
}

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// The contract's message types (providers/fanapplus.md §2) and how a message's type is chosen: its
/// <c>messageType</c> option, else its account's <c>messageType</c> setting, else <see cref="Content"/>.
/// </summary>
internal static class FanapPlusMessageTypes
{
    /// <summary>Free content.</summary>
    public const string Content = "Content";

    /// <summary>Content the subscriber is charged for; operators forbid it at night (<see cref="FanapPlusOptions.PremiumQuietHoursStart"/>).</summary>
    public const string PremiumContent = "PremiumContent";

    /// <summary>The first step of a two-step subscription: FanapPlus sends the subscriber a code.</summary>
    public const string Verification = "Verification";

    /// <summary>The second step: the text is the code the subscriber received.</summary>
    public const string Subscription = "Subscription";

    /// <summary>Cancels the subscriber's subscription.</summary>
    public const string Unsubscription = "Unsubscription";

    /// <summary>The types an account may set for all its messages.</summary>
    public static IReadOnlyList<string> AccountTypes { get; } = [Content, PremiumContent];

    /// <summary>The types of the two-step subscription flow, chosen per message only.</summary>
    public static IReadOnlyList<string> SubscriptionTypes { get; } = [Verification, Subscription, Unsubscription];

    /// <summary>Every type a message may have, in the order the API document lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Content, PremiumContent, Verification, Subscription, Unsubscription];

    /// <summary>A type in the contract's spelling.</summary>
    /// <param name="types">The types to match against.</param>
    /// <param name="value">The value, in any case.</param>
    /// <returns>The matching type, or <see langword="null"/>.</returns>
    public static string? Canonical(IReadOnlyList<string> types, string? value)
    {
        var trimmed = value?.Trim();
        return types.FirstOrDefault(t => string.Equals(t, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The type a message is sent as.</summary>
    /// <param name="options">The message's provider options.</param>
    /// <param name="accountType">The account's <c>messageType</c> setting, as stored or already read.</param>
    /// <returns>The type, in the contract's spelling.</returns>
    public static string Of(IReadOnlyDictionary<string, string> options, string? accountType)
        => Canonical(All, options.GetValueOrDefault(FanapPlusDefaults.MessageTypeOption))
            ?? Canonical(AccountTypes, accountType)
            ?? Content;
}

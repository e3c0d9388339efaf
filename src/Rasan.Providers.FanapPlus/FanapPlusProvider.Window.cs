namespace Rasan.Providers.FanapPlus;

internal sealed partial class FanapPlusProvider
{
    /// <summary>
    /// Holds a <c>PremiumContent</c> message (by its <c>messageType</c> option, else its account's setting) through the
    /// operators' quiet hours (<see cref="FanapPlusOptions.PremiumQuietHoursStart"/> to
    /// <see cref="FanapPlusOptions.PremiumQuietHoursEnd"/>); any other message may always go.
    /// </summary>
    public DateTimeOffset? NotBefore(ProviderContext context, OutgoingMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        var type = FanapPlusMessageTypes.Of(message.ProviderOptions, FanapPlusAccount.MessageTypeOf(context.Account));
        return type == FanapPlusMessageTypes.PremiumContent ? _quietHours.EndAfter(now) : null;
    }
}

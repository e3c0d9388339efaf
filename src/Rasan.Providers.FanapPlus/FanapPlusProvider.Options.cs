namespace Rasan.Providers.FanapPlus;

internal sealed partial class FanapPlusProvider
{
    /// <summary>
    /// Checks a message's options when it is accepted: <c>replyTo</c> on an Mtn account and its form,
    /// <c>deliveryDeadline</c> as a future ISO 8601 time with its offset. The engine has already checked names and the
    /// <c>messageType</c> values.
    /// </summary>
    public void Validate(ProviderAccount account, IReadOnlyDictionary<string, string> options, DateTimeOffset now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        FanapPlusMessageOptions.Read(
            account.Name, FanapPlusAccount.ChannelTypeOf(account), FanapPlusAccount.MessageTypeOf(account), options, now, errors);
    }
}

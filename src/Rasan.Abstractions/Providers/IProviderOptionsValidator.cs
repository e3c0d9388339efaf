namespace Rasan.Providers;

/// <summary>
/// A provider capability: checking a message's <see cref="OutgoingMessage.ProviderOptions"/> against each other and
/// against the account (a value's format, an option one channel requires). The engine runs it when a message is
/// accepted, after rejecting undeclared options and values outside <see cref="ProviderOption.AllowedValues"/>, so a
/// bad option is a 400 naming the field and nothing is stored.
/// </summary>
public interface IProviderOptionsValidator
{
    /// <summary>Checks the options of one message (or of every message of a broadcast, which share them).</summary>
    /// <param name="account">The account the message is for.</param>
    /// <param name="options">The options, with the declared spelling of each allowed value; empty when none were given.</param>
    /// <param name="now">The time of the request.</param>
    /// <param name="errors">Where to add a message per option at fault, keyed by the option name.</param>
    void Validate(ProviderAccount account, IReadOnlyDictionary<string, string> options, DateTimeOffset now, ValidationErrors errors);
}

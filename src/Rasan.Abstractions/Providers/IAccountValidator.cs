namespace Rasan.Providers;

/// <summary>
/// A provider capability: checking an account's settings beyond the required fields of its descriptor (a sender line's
/// format, a URL, a number range). The engine runs it when an account is added or changed, and before it sends through
/// one, so a bad account fails with a clear message and sends nothing.
/// </summary>
public interface IAccountValidator
{
    /// <summary>Checks an account of this provider's type.</summary>
    /// <param name="account">The account, with its settings.</param>
    /// <param name="errors">Where to add a message per field at fault, keyed by the field name (or <c>sender</c>).</param>
    void Validate(ProviderAccount account, ValidationErrors errors);
}

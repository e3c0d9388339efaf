namespace Rasan.Testing.Providers;

/// <summary>A way the next send call to a provider fake fails.</summary>
public enum ProviderFault
{
    /// <summary>A failure worth retrying (busy, throttled, 5xx): nothing is stored or billed.</summary>
    Transient = 0,

    /// <summary>A refusal for good with the provider's own code and text: nothing is stored or billed.</summary>
    Permanent = 1,

    /// <summary>
    /// The fake takes and bills the messages, then holds its answer until the client gives up: the ambiguous outcome
    /// a retry must resolve with the same idempotency id.
    /// </summary>
    Timeout = 2,

    /// <summary>The account's credit does not cover the call: refused for good, nothing stored or billed.</summary>
    InsufficientCredit = 3,
}

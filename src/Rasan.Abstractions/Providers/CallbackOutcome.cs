namespace Rasan.Providers;

/// <summary>What receiving a provider callback came to.</summary>
public enum CallbackOutcome
{
    /// <summary>Taken (applied, or already known): answer 2xx so the provider stops retrying.</summary>
    Accepted = 0,

    /// <summary>No such account of that type, or the signature does not match: answer 404 and change nothing.</summary>
    NotFound = 1,

    /// <summary>Signed correctly but not a callback the provider's parser understands: answer 400.</summary>
    Invalid = 2,
}

namespace Rasan.Providers;

/// <summary>How a provider answered one message.</summary>
public enum SendOutcomeKind
{
    /// <summary>Taken: the message is Sent.</summary>
    Accepted = 0,

    /// <summary>Not taken this time (timeout, 5xx, 429, busy): retry later.</summary>
    Transient = 1,

    /// <summary>Refused for good (invalid number, no credit, bad key): the message fails now.</summary>
    Permanent = 2,
}

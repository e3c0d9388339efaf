namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>How an injected fault misbehaves.</summary>
public enum FakeFanapPlusFaultKind
{
    /// <summary>Answers a status with a plain-text reason; nothing stored or billed.</summary>
    Status = 0,

    /// <summary>Answers a status with an HTML page (a proxy's error page, or 200 with HTML); nothing stored.</summary>
    NonJson = 1,

    /// <summary>Processes (stores and bills) the call, then holds the answer.</summary>
    Slow = 2,

    /// <summary>Drops the connection without an answer; nothing stored.</summary>
    Reset = 3,
}

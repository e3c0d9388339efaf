namespace Rasan.Providers.Kavenegar.Tests.Fake;

/// <summary>How the fake misbehaves for one call.</summary>
public enum FakeKavenegarFaultKind
{
    /// <summary>Answers the code as both HTTP status and <c>return.status</c>, entries null; nothing stored.</summary>
    Status = 0,

    /// <summary>Answers HTTP 200 with a non-200 <c>return.status</c>; nothing stored.</summary>
    StatusWithHttp200 = 1,

    /// <summary>Answers the HTTP status with an HTML body (a proxy's error page); nothing stored.</summary>
    NonJson = 2,

    /// <summary>Does the work (stores and bills), then holds the answer until the client gives up.</summary>
    Slow = 3,

    /// <summary>Drops the connection without an answer; nothing stored.</summary>
    Reset = 4,

    /// <summary>Treats the account's credit as zero for this call: 418, nothing stored.</summary>
    InsufficientCredit = 5,
}

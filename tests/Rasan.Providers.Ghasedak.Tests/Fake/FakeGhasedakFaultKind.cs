namespace Rasan.Providers.Ghasedak.Tests.Fake;

/// <summary>How the fake misbehaves for one call.</summary>
public enum FakeGhasedakFaultKind
{
    /// <summary>A failure envelope whose <c>statusCode</c> is also the HTTP status; nothing stored.</summary>
    Status = 0,

    /// <summary>HTTP 200 with <c>isSuccess: false</c> and the code as <c>statusCode</c>; nothing stored.</summary>
    FailureWithHttp200 = 1,

    /// <summary>The HTTP status with an HTML body (a proxy's error page); nothing stored.</summary>
    NonJson = 2,

    /// <summary>Does the work (stores and bills), then holds the answer until the client gives up.</summary>
    Slow = 3,

    /// <summary>Drops the connection without an answer; nothing stored.</summary>
    Reset = 4,

    /// <summary>Finds no credit for this call: the credit failure, nothing stored.</summary>
    InsufficientCredit = 5,

    /// <summary>Answers as usual, but with PascalCase field names throughout.</summary>
    PascalCase = 6,

    /// <summary>Redirects (307) to another path of the server, which would see the key if the client followed.</summary>
    Redirect = 7,
}

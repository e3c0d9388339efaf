namespace Rasan.Providers.Ghasedak.Tests.Fake;

/// <summary>One injected misbehaviour, used by the next call to a method it covers (by default the send methods).</summary>
public sealed class FakeGhasedakFault
{
    private static readonly string[] SendMethods = ["SendSingleSMS", "SendBulkSMS", "SendPairToPairSMS"];

    private FakeGhasedakFault(FakeGhasedakFaultKind kind) => Kind = kind;

    /// <summary>What happens.</summary>
    public FakeGhasedakFaultKind Kind { get; }

    /// <summary>The status code answered, for the kinds that answer one.</summary>
    public int Code { get; private init; }

    /// <summary>A <c>Retry-After</c> header to add, in seconds.</summary>
    public int? RetryAfterSeconds { get; private init; }

    /// <summary>The longest hold of a slow answer.</summary>
    public TimeSpan Hold { get; private init; } = TimeSpan.FromSeconds(30);

    /// <summary>The gateway methods it covers.</summary>
    public IReadOnlyList<string> Methods { get; private init; } = SendMethods;

    /// <summary>A failure envelope with <paramref name="code"/> as HTTP status and <c>statusCode</c>.</summary>
    public static FakeGhasedakFault Status(int code, int? retryAfterSeconds = null)
        => new(FakeGhasedakFaultKind.Status) { Code = code, RetryAfterSeconds = retryAfterSeconds };

    /// <summary>HTTP 200 with <c>isSuccess: false</c> and <c>statusCode</c> <paramref name="code"/>.</summary>
    public static FakeGhasedakFault FailureWithHttp200(int code) => new(FakeGhasedakFaultKind.FailureWithHttp200) { Code = code };

    /// <summary>HTTP <paramref name="code"/> with an HTML body.</summary>
    public static FakeGhasedakFault NonJson(int code, int? retryAfterSeconds = null)
        => new(FakeGhasedakFaultKind.NonJson) { Code = code, RetryAfterSeconds = retryAfterSeconds };

    /// <summary>Stores and bills, then holds the answer up to <paramref name="hold"/>.</summary>
    public static FakeGhasedakFault Slow(TimeSpan hold) => new(FakeGhasedakFaultKind.Slow) { Hold = hold };

    /// <summary>Drops the connection.</summary>
    public static FakeGhasedakFault Reset() => new(FakeGhasedakFaultKind.Reset);

    /// <summary>Finds no credit.</summary>
    public static FakeGhasedakFault InsufficientCredit() => new(FakeGhasedakFaultKind.InsufficientCredit);

    /// <summary>Answers with PascalCase field names.</summary>
    public static FakeGhasedakFault PascalCase() => new(FakeGhasedakFaultKind.PascalCase);

    /// <summary>Answers 307 to another path of the server.</summary>
    public static FakeGhasedakFault Redirect() => new(FakeGhasedakFaultKind.Redirect);

    /// <summary>The same fault for other methods.</summary>
    /// <param name="methods">Gateway methods, such as <c>CheckSmsStatus</c>.</param>
    /// <returns>A copy.</returns>
    public FakeGhasedakFault For(params string[] methods) => new(Kind)
    {
        Code = Code,
        RetryAfterSeconds = RetryAfterSeconds,
        Hold = Hold,
        Methods = methods,
    };

    internal bool Covers(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}

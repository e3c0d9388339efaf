namespace Rasan.Providers.Kavenegar.Tests.Fake;

/// <summary>One injected misbehaviour, used by the next call whose method it matches.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Code">The status code, for <see cref="FakeKavenegarFaultKind.Status"/>, <see cref="FakeKavenegarFaultKind.StatusWithHttp200"/> and <see cref="FakeKavenegarFaultKind.NonJson"/>.</param>
/// <param name="Hold">How long a slow answer is held at most.</param>
/// <param name="RetryAfter">A Retry-After header to add, in seconds.</param>
/// <param name="Methods">The methods it applies to (such as <c>sms/send</c>); empty for any.</param>
public sealed record FakeKavenegarFault(
    FakeKavenegarFaultKind Kind, int Code = 0, TimeSpan? Hold = null, int? RetryAfter = null, IReadOnlyList<string>? Methods = null)
{
    /// <summary>The send methods.</summary>
    public static readonly IReadOnlyList<string> SendMethods = ["sms/send", "sms/sendarray"];

    /// <summary>HTTP and <c>return.status</c> <paramref name="code"/> on the next send.</summary>
    public static FakeKavenegarFault Status(int code, int? retryAfter = null) => new(FakeKavenegarFaultKind.Status, code, RetryAfter: retryAfter, Methods: SendMethods);

    /// <summary>HTTP 200 with <c>return.status</c> <paramref name="code"/> on the next send.</summary>
    public static FakeKavenegarFault StatusWithHttp200(int code) => new(FakeKavenegarFaultKind.StatusWithHttp200, code, Methods: SendMethods);

    /// <summary>HTTP <paramref name="code"/> with an HTML body on the next send.</summary>
    public static FakeKavenegarFault NonJson(int code, int? retryAfter = null) => new(FakeKavenegarFaultKind.NonJson, code, RetryAfter: retryAfter, Methods: SendMethods);

    /// <summary>The next send is stored and billed, and its answer held up to <paramref name="hold"/>.</summary>
    public static FakeKavenegarFault Slow(TimeSpan hold) => new(FakeKavenegarFaultKind.Slow, Hold: hold, Methods: SendMethods);

    /// <summary>The next send's connection is dropped.</summary>
    public static FakeKavenegarFault Reset() => new(FakeKavenegarFaultKind.Reset, Methods: SendMethods);

    /// <summary>The next send finds no credit.</summary>
    public static FakeKavenegarFault InsufficientCredit() => new(FakeKavenegarFaultKind.InsufficientCredit, Methods: SendMethods);

    /// <summary>Applies the fault to other methods instead.</summary>
    /// <param name="methods">The methods, such as <c>sms/status</c>.</param>
    /// <returns>A copy.</returns>
    public FakeKavenegarFault On(params string[] methods) => this with { Methods = methods };

    internal bool AppliesTo(string method) => Methods is null || Methods.Count == 0 || Methods.Contains(method, StringComparer.Ordinal);
}

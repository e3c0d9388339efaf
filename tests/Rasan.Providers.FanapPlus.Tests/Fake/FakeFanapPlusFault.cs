namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>One injected misbehaviour, used by the next <c>message/post</c> call.</summary>
public sealed class FakeFanapPlusFault
{
    private FakeFanapPlusFault(FakeFanapPlusFaultKind kind) => Kind = kind;

    /// <summary>What happens.</summary>
    public FakeFanapPlusFaultKind Kind { get; }

    /// <summary>The HTTP status answered.</summary>
    public int Code { get; private init; }

    /// <summary>The plain-text reason of a <see cref="FakeFanapPlusFaultKind.Status"/> answer.</summary>
    public string Text { get; private init; } = string.Empty;

    /// <summary>A <c>Retry-After</c> header to add, in seconds.</summary>
    public int? RetryAfterSeconds { get; private init; }

    /// <summary>The longest hold of a slow answer.</summary>
    public TimeSpan Hold { get; private init; }

    /// <summary>Answers <paramref name="code"/> with a plain-text reason.</summary>
    public static FakeFanapPlusFault Status(int code, string text, int? retryAfterSeconds = null)
        => new(FakeFanapPlusFaultKind.Status) { Code = code, Text = text, RetryAfterSeconds = retryAfterSeconds };

    /// <summary>Answers <paramref name="code"/> with an HTML page.</summary>
    public static FakeFanapPlusFault NonJson(int code) => new(FakeFanapPlusFaultKind.NonJson) { Code = code };

    /// <summary>Stores and bills, then holds the answer up to <paramref name="hold"/>.</summary>
    public static FakeFanapPlusFault Slow(TimeSpan hold) => new(FakeFanapPlusFaultKind.Slow) { Hold = hold };

    /// <summary>Drops the connection.</summary>
    public static FakeFanapPlusFault Reset() => new(FakeFanapPlusFaultKind.Reset);
}

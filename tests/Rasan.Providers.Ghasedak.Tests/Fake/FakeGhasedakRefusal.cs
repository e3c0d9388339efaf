namespace Rasan.Providers.Ghasedak.Tests.Fake;

/// <summary>Thrown inside the fake to answer a failure envelope (its code also the HTTP status), storing nothing.</summary>
/// <param name="statusCode">The <c>statusCode</c> and HTTP status.</param>
/// <param name="text">The Persian <c>message</c>.</param>
internal sealed class FakeGhasedakRefusal(int statusCode, string text) : Exception(text)
{
    public int StatusCode { get; } = statusCode;
}

using System.Text.Json;

namespace Rasan.Providers.Kavenegar;

/// <summary>What one Kavenegar call came to: its entries on success, else the outcome its messages get.</summary>
internal sealed record KavenegarAnswer
{
    /// <summary>The <c>entries</c> of a successful answer (an array or an object, by method).</summary>
    public JsonElement Entries { get; private init; }

    /// <summary>The failure, or <see langword="null"/> when <c>return.status</c> was 200.</summary>
    public SendOutcome? Failure { get; private init; }

    /// <summary>The call succeeded.</summary>
    /// <param name="entries">Its entries.</param>
    /// <returns>The answer.</returns>
    public static KavenegarAnswer Success(JsonElement entries) => new() { Entries = entries };

    /// <summary>The call failed.</summary>
    /// <param name="failure">What its messages get (transient or permanent, with code and text).</param>
    /// <returns>The answer.</returns>
    public static KavenegarAnswer Failed(SendOutcome failure) => new() { Failure = failure };

    /// <summary>The exception a query (status, account) throws for a failed answer; never carries the address.</summary>
    /// <param name="apiMethod">The method, such as <c>sms/status</c>.</param>
    /// <returns>An exception whose status code is Kavenegar's <c>return.status</c> when it gave one.</returns>
    public HttpRequestException ToException(string apiMethod)
    {
        var failure = Failure ?? throw new InvalidOperationException("The call succeeded.");
        System.Net.HttpStatusCode? status = int.TryParse(failure.Code, out var number) ? (System.Net.HttpStatusCode)number : null;
        return new HttpRequestException(
            $"Kavenegar {apiMethod} failed ({(failure.Kind == SendOutcomeKind.Transient ? "transient" : "permanent")}): {failure.Code} {failure.Text}",
            inner: null,
            statusCode: status);
    }
}

namespace Rasan.Providers.Ghasedak.Json;

/// <summary>
/// Every gateway answer: <c>{"isSuccess": …, "statusCode": …, "message": …, "data": …}</c>, read case-insensitively
/// (camelCase on the wire; PascalCase in some documentation examples).
/// </summary>
/// <typeparam name="TData">What <c>data</c> holds on success.</typeparam>
internal sealed class GhasedakReply<TData>
    where TData : class
{
    /// <summary>Whether the call succeeded; <see langword="null"/> when the body is not a gateway envelope.</summary>
    public bool? IsSuccess { get; set; }

    /// <summary>The result code; mirrors the HTTP status (200, 400, 401, 402, …).</summary>
    public int? StatusCode { get; set; }

    /// <summary>Ghasedak's (Persian) text.</summary>
    public string? Message { get; set; }

    /// <summary>The result on success; <see langword="null"/> on failure.</summary>
    public TData? Data { get; set; }
}

using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Rasan.Providers.Ghasedak.Json;
using Rasan.Providers.Http;

namespace Rasan.Providers.Ghasedak;

/// <summary>
/// Makes gateway calls through the named client: the API key in the <c>ApiKey</c> header, JSON both ways, and the
/// answer's envelope read whatever the HTTP status (its <c>statusCode</c> is authoritative). Never retries.
/// </summary>
internal sealed class GhasedakClient(IHttpClientFactory httpClientFactory, TimeProvider time)
{
    private static readonly MediaTypeHeaderValue JsonBody = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeWithQualityHeaderValue JsonAnswer = new("application/json");

    /// <summary>POSTs a JSON body to a method.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TData">The answer's <c>data</c>.</typeparam>
    /// <param name="apiKey">The account's API key.</param>
    /// <param name="apiMethod">The method, such as <c>SendSingleSMS</c>.</param>
    /// <param name="body">The body.</param>
    /// <param name="bodyType">The body's JSON metadata.</param>
    /// <param name="answerType">The answer's JSON metadata.</param>
    /// <param name="cancellationToken">Cancels the call; its cancellation propagates.</param>
    /// <returns>The data, or a failure classed by <see cref="GhasedakErrors"/>.</returns>
    public Task<GhasedakResponse<TData>> PostAsync<TBody, TData>(
        string apiKey, string apiMethod, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<GhasedakReply<TData>> answerType, CancellationToken cancellationToken)
        where TData : class
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = JsonBody;
        return CallAsync(apiKey, new HttpRequestMessage(HttpMethod.Post, apiMethod) { Content = content }, answerType, cancellationToken);
    }

    /// <summary>GETs a method with a query.</summary>
    /// <typeparam name="TData">The answer's <c>data</c>.</typeparam>
    /// <param name="apiKey">The account's API key.</param>
    /// <param name="apiMethod">The method, such as <c>CheckSmsStatus</c>.</param>
    /// <param name="query">The query without <c>?</c>, already escaped; empty for none.</param>
    /// <param name="answerType">The answer's JSON metadata.</param>
    /// <param name="cancellationToken">Cancels the call; its cancellation propagates.</param>
    /// <returns>The data, or a failure classed by <see cref="GhasedakErrors"/>.</returns>
    public Task<GhasedakResponse<TData>> GetAsync<TData>(
        string apiKey, string apiMethod, string query, JsonTypeInfo<GhasedakReply<TData>> answerType, CancellationToken cancellationToken)
        where TData : class
    {
        var address = query.Length == 0 ? apiMethod : $"{apiMethod}?{query}";
        return CallAsync(apiKey, new HttpRequestMessage(HttpMethod.Get, address), answerType, cancellationToken);
    }

    private async Task<GhasedakResponse<TData>> CallAsync<TData>(
        string apiKey, HttpRequestMessage request, JsonTypeInfo<GhasedakReply<TData>> answerType, CancellationToken cancellationToken)
        where TData : class
    {
        using (request)
        {
            request.Headers.TryAddWithoutValidation(GhasedakDefaults.ApiKeyHeader, apiKey);
            request.Headers.Accept.Add(JsonAnswer);
            var client = httpClientFactory.CreateClient(GhasedakDefaults.HttpClientName);
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                return Read(body, (int)response.StatusCode, ProviderRetryAfter.Read(response.Headers.RetryAfter, time.GetUtcNow()), answerType);
            }
            catch (TaskCanceledException exception) when (exception.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                // HttpClient.Timeout, not the caller: an ambiguous outcome the clientReferenceIds make safe to retry.
                return GhasedakResponse<TData>.Failed(GhasedakErrors.TimedOut(client.Timeout));
            }
            catch (HttpRequestException exception)
            {
                return GhasedakResponse<TData>.Failed(GhasedakErrors.Unreachable(exception.HttpRequestError));
            }
        }
    }

    /// <summary>
    /// Reads an answer: success needs <c>isSuccess</c>, a 2xx status and <c>data</c>; a failure follows its
    /// <c>statusCode</c>, or the HTTP status when the envelope has none; anything else is unreadable.
    /// </summary>
    internal static GhasedakResponse<TData> Read<TData>(byte[] body, int httpStatus, TimeSpan? retryAfter, JsonTypeInfo<GhasedakReply<TData>> answerType)
        where TData : class
    {
        var reply = TryDeserialize(body, answerType);
        if (reply is { IsSuccess: true, Data: { } data } && httpStatus is >= 200 and < 300)
        {
            return GhasedakResponse<TData>.Success(data);
        }

        // A failure's data may have any shape (or the success's data be unreadable): read the envelope alone.
        var head = reply is null
            ? TryDeserialize(body, GhasedakJsonContext.Default.GhasedakReplyHead)
            : new GhasedakReplyHead { IsSuccess = reply.IsSuccess, StatusCode = reply.StatusCode, Message = reply.Message };
        var code = head?.StatusCode is { } statusCode and not (>= 200 and < 300) ? statusCode : httpStatus;
        return head is null || code is >= 200 and < 300
            ? GhasedakResponse<TData>.Failed(GhasedakErrors.Unreadable(httpStatus, retryAfter))
            : GhasedakResponse<TData>.Failed(GhasedakErrors.Refused(code, head.Message, retryAfter));
    }

    private static T? TryDeserialize<T>(byte[] body, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rasan.Providers.FanapPlus.Json;
using Rasan.Providers.Http;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Posts <c>message/post</c> bodies through the named client: UTF-8 JSON, gzip-compressed
/// (<c>Content-Type: application/gzip</c>) above <see cref="FanapPlusOptions.GzipThreshold"/>; reads the answer
/// whatever its status. Never retries.
/// </summary>
internal sealed class FanapPlusClient(IHttpClientFactory httpClientFactory, IOptions<FanapPlusOptions> options, TimeProvider time)
{
    /// <summary>The content type of a gzip-compressed body, as the guide names it.</summary>
    public const string GzipMediaType = "application/gzip";

    private static readonly MediaTypeHeaderValue JsonBody = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeHeaderValue GzipBody = new(GzipMediaType);
    private static readonly MediaTypeWithQualityHeaderValue JsonAnswer = new("application/json");

    private readonly FanapPlusOptions _options = options.Value;

    /// <summary>Posts one call's body.</summary>
    /// <param name="body">The body.</param>
    /// <param name="cancellationToken">Cancels the call; its cancellation propagates.</param>
    /// <returns>The answer, or a failure classed by <see cref="FanapPlusErrors"/>.</returns>
    public async Task<FanapPlusResponse> PostAsync(FanapPlusRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, FanapPlusDefaults.PostPath) { Content = Encode(body) };
        request.Headers.Accept.Add(JsonAnswer);
        var client = httpClientFactory.CreateClient(FanapPlusDefaults.HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Read(answer, (int)response.StatusCode, ProviderRetryAfter.Read(response.Headers.RetryAfter, time.GetUtcNow()));
        }
        catch (TaskCanceledException exception) when (exception.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, not the caller: an ambiguous outcome; the retry carries the same Uid.
            return FanapPlusResponse.Failed(FanapPlusErrors.TimedOut(client.Timeout));
        }
        catch (HttpRequestException exception)
        {
            return FanapPlusResponse.Failed(FanapPlusErrors.Unreachable(exception.HttpRequestError));
        }
    }

    /// <summary>Writes a body: plain JSON up to the threshold, gzip above it.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The content, its type set.</returns>
    internal HttpContent Encode(FanapPlusRequest body)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, FanapPlusJsonContext.Wire.FanapPlusRequest);
        if (_options.GzipThreshold is not { } threshold || json.Length <= threshold)
        {
            return new ByteArrayContent(json) { Headers = { ContentType = JsonBody } };
        }

        var compressed = new MemoryStream(json.Length / 4);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return new ByteArrayContent(compressed.GetBuffer(), 0, (int)compressed.Length) { Headers = { ContentType = GzipBody } };
    }

    /// <summary>
    /// Reads an answer: a 2xx with a <c>Puid</c> is a success; another 2xx is unreadable (transient); any other status is
    /// classed by <see cref="FanapPlusErrors.Refused"/> with the body as its reason.
    /// </summary>
    internal static FanapPlusResponse Read(byte[] body, int status, TimeSpan? retryAfter)
    {
        if (status is < 200 or >= 300)
        {
            return FanapPlusResponse.Failed(FanapPlusErrors.Refused(status, Encoding.UTF8.GetString(body), retryAfter));
        }

        try
        {
            return body.Length > 0 && JsonSerializer.Deserialize(body, FanapPlusJsonContext.Default.FanapPlusReply) is { Puid.Length: > 0, Muids: not null } reply
                ? FanapPlusResponse.Success(reply)
                : FanapPlusResponse.Failed(FanapPlusErrors.Unreadable(status));
        }
        catch (JsonException)
        {
            return FanapPlusResponse.Failed(FanapPlusErrors.Unreadable(status));
        }
    }
}

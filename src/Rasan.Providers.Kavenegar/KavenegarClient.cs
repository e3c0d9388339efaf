using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Rasan.Providers.Http;
using Rasan.Providers.Kavenegar.Json;

namespace Rasan.Providers.Kavenegar;

/// <summary>
/// Makes Kavenegar calls: a form-encoded POST to <c>v1/{key}/{scope}/{method}.json</c> through the named client, whose
/// answer body is always read, whatever the HTTP status, because <c>return.status</c> is authoritative. Never retries.
/// </summary>
internal sealed class KavenegarClient(IHttpClientFactory httpClientFactory, TimeProvider time)
{
    /// <summary>Calls one method.</summary>
    /// <param name="apiKey">The account's API key.</param>
    /// <param name="apiMethod">The scope and method, such as <c>sms/send</c>.</param>
    /// <param name="form">The parameters.</param>
    /// <param name="cancellationToken">Cancels the call; its cancellation propagates as <see cref="OperationCanceledException"/>.</param>
    /// <returns>
    /// The entries when <c>return.status</c> is 200; else a failure classed by <see cref="KavenegarErrors"/>: the
    /// status with Kavenegar's text, or a transient failure for a timeout, an unreachable server or an unreadable body.
    /// </returns>
    public async Task<KavenegarAnswer> CallAsync(
        string apiKey, string apiMethod, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(KavenegarDefaults.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, RelativeAddress(apiKey, apiMethod))
        {
            Content = new FormUrlEncodedContent(form),
        };

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout ran out, not the caller's token: an ambiguous outcome the local ids make safe to retry.
            return KavenegarAnswer.Failed(SendOutcome.Transient(
                KavenegarErrors.Timeout, $"Kavenegar did not answer within {client.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s."));
        }
        catch (HttpRequestException exception)
        {
            // The error kind only: some transport messages carry the address, whose path holds the key.
            return KavenegarAnswer.Failed(SendOutcome.Transient(
                KavenegarErrors.Network, $"Kavenegar could not be reached ({exception.HttpRequestError})."));
        }

        using (response)
        {
            var retryAfter = ProviderRetryAfter.Read(response.Headers.RetryAfter, time.GetUtcNow());
            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }
            catch (HttpRequestException)
            {
                return KavenegarAnswer.Failed(KavenegarErrors.ForUnreadableAnswer(response.StatusCode, retryAfter));
            }

            var envelope = TryRead(body);
            if (envelope?.Return is not { } result)
            {
                return KavenegarAnswer.Failed(KavenegarErrors.ForUnreadableAnswer(response.StatusCode, retryAfter));
            }

            return result.Status == KavenegarDefaults.Ok
                ? KavenegarAnswer.Success(envelope.Entries)
                : KavenegarAnswer.Failed(KavenegarErrors.ToOutcome(result.Status, result.Message, retryAfter));
        }
    }

    /// <summary>The address of a method relative to the client's base address.</summary>
    /// <param name="apiKey">The key, escaped so it stays one path segment whatever it holds.</param>
    /// <param name="apiMethod">The scope and method.</param>
    /// <returns>A relative address.</returns>
    internal static Uri RelativeAddress(string apiKey, string apiMethod)
        => new($"v1/{Uri.EscapeDataString(apiKey)}/{apiMethod}.json", UriKind.Relative);

    private static KavenegarEnvelope? TryRead(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, KavenegarJsonContext.Default.KavenegarEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

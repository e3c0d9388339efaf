using System.Net;
using System.Text;

namespace Rasan.Benchmarks;

/// <summary>Answers every request at once with a fixed body, after reading the request's content as a server would.</summary>
internal sealed class CannedHttpHandler(Func<HttpRequestMessage, string> answer, string mediaType) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.ReadAsByteArrayAsync(cancellationToken);
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted)
        {
            Content = new StringContent(answer(request), Encoding.UTF8, mediaType),
            RequestMessage = request,
        };
    }
}

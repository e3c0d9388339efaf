using System.Collections.Concurrent;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>Records the URL of every request the provider's named client makes, then passes it on.</summary>
/// <param name="requests">Where the URLs go.</param>
internal sealed class RecordingHandler(ConcurrentQueue<Uri> requests) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            requests.Enqueue(uri);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Rasan.AspNetCore.Endpoints;

/// <summary>Reads a request body whole, refusing it once it passes a limit (whatever Content-Length says).</summary>
internal static class LimitedBodyReader
{
    /// <summary>Reads the body; returns <see langword="null"/> when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false } && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > limit + 1))
        {
            // Let the server stop reading at once too; this reader still enforces the limit itself.
            sizeFeature.MaxRequestBodySize = limit + 1;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}

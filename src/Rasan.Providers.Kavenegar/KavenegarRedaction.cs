namespace Rasan.Providers.Kavenegar;

/// <summary>Removes the API key Kavenegar carries in the URL path (<c>/v1/{key}/{scope}/{method}.json</c>).</summary>
internal static class KavenegarRedaction
{
    /// <summary>What stands in for a key.</summary>
    public const string Mask = "***";

    /// <summary>Writes a request address for logs, with the key segment replaced by <see cref="Mask"/>.</summary>
    /// <param name="address">The request address.</param>
    /// <returns>
    /// Scheme, authority and path with the segment after <c>v1</c> masked, and no query. When there is no <c>v1</c>
    /// segment the whole path is masked, so an address of an unexpected shape never leaks a key.
    /// </returns>
    public static string Redact(Uri? address)
    {
        if (address is null)
        {
            return Mask;
        }

        if (!address.IsAbsoluteUri)
        {
            return RedactPath(address.OriginalString.Split('?', 2)[0]);
        }

        return address.GetLeftPart(UriPartial.Authority) + RedactPath(address.AbsolutePath);
    }

    private static string RedactPath(string path)
    {
        var segments = path.Split('/');
        var version = Array.FindIndex(segments, s => string.Equals(s, "v1", StringComparison.OrdinalIgnoreCase));
        if (version < 0 || version + 1 >= segments.Length)
        {
            return "/" + Mask;
        }

        segments[version + 1] = Mask;
        return string.Join('/', segments);
    }
}

namespace Rasan.Providers.Kavenegar;

/// <summary>Removes the API key Kavenegar carries in the URL path (<c>/v1/{key}/{scope}/{method}.json</c>).</summary>
internal static class KavenegarRedaction
{
    /// <summary>What stands in for a key.</summary>
    public const string Mask = "***";

    /// <summary>Writes a request path for logs, with the key segment (after <c>v1</c>) replaced by <see cref="Mask"/>.</summary>
    /// <param name="path">The path, without query.</param>
    /// <returns>The path masked; when it has no <c>v1</c> segment followed by another, all of it, so a path of an
    /// unexpected shape never leaks a key.</returns>
    public static string RedactPath(string path)
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

namespace Rasan.Providers.Http;

/// <summary>Checks and prepares the base address of a provider whose method paths are appended to it.</summary>
public static class ProviderBaseAddress
{
    /// <summary>What is wrong with a base address, for an options validator.</summary>
    /// <param name="address">The address; <see langword="null"/> is left to a <c>[Required]</c> check.</param>
    /// <param name="setting">The setting's name, such as <c>KavenegarOptions.BaseAddress</c>.</param>
    /// <returns>The failure message, or <see langword="null"/> when the address is absolute http(s) without query or fragment.</returns>
    public static string? Problem(Uri? address, string setting) => address switch
    {
        null => null,
        { IsAbsoluteUri: false } => $"{setting} must be an absolute http or https address.",
        { Scheme: not ("https" or "http") } => $"{setting} must be an http or https address; '{address.Scheme}' is neither.",
        { Query.Length: > 0 } or { Fragment.Length: > 0 } => $"{setting} must not have a query or a fragment: method paths are appended to it.",
        _ => null,
    };

    /// <summary>The address with a final <c>/</c>, so a relative method path is appended rather than replacing its last segment.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The address as a base.</returns>
    public static Uri AsBase(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }
}

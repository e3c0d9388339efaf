namespace Rasan.Providers.Http;

/// <summary>How <c>AddProviderHttpClient</c> sets up a provider's named <see cref="HttpClient"/>.</summary>
public sealed class ProviderHttpClientOptions
{
    /// <summary>The provider's name in the call log, such as <c>Kavenegar</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>
    /// For a provider whose request addresses carry a secret in their path (Kavenegar's API key): rewrites a path for the
    /// log. When set, .NET's own request activity is also left out of the client, since its <c>url.full</c> tag would
    /// carry the path to every trace listener.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: paths are logged as they are, never with their query.</value>
    public Func<string, string>? RedactPath { get; init; }

    /// <summary>The largest answer body the client buffers.</summary>
    /// <value>The default value is 1 MiB.</value>
    public long MaxAnswerBytes { get; init; } = 1024 * 1024;
}

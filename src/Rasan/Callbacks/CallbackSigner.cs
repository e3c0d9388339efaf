using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Rasan.Providers;

namespace Rasan.Callbacks;

/// <summary>
/// Builds the signed callback address of each message (<c>{BaseUrl}api/v1/callbacks/{provider}/{account}?mid=…&amp;sig=…</c>)
/// and checks the signature a callback comes back with. The signature is an HMAC-SHA256 of provider type, account and
/// message under <see cref="CallbackOptions.SigningKey"/>, so a caller who saw one address can report on that message only.
/// </summary>
internal sealed class CallbackSigner
{
    public const int MinimumKeyLength = 32;

    /// <summary>The route, under the hub's base address, that <c>MapRasan()</c> serves callbacks on.</summary>
    public const string RoutePrefix = "api/v1/callbacks";

    public const string MessageParameter = "mid";
    public const string SignatureParameter = "sig";

    private const int SignatureBytes = 16;

    private readonly string? _baseUrl;
    private readonly byte[]? _key;

    public CallbackSigner(IOptions<RasanOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var callbacks = options.Value.Callbacks;
        if (callbacks.SigningKey is { Length: >= MinimumKeyLength } key)
        {
            _key = Encoding.UTF8.GetBytes(key);
            if (callbacks.BaseUrl is { } baseUrl)
            {
                var text = baseUrl.AbsoluteUri;
                _baseUrl = text.EndsWith('/') ? text : text + "/";
            }
        }
    }

    /// <summary>The context a provider call for <paramref name="account"/> gets: with callback addresses when configured.</summary>
    public ProviderContext ContextFor(ProviderAccount account)
        => _baseUrl is null ? new ProviderContext(account) : new ProviderContext(account) { CallbackUrl = id => AddressFor(account, id) };

    public Uri AddressFor(ProviderAccount account, MessageId message)
    {
        var baseUrl = _baseUrl ?? throw new InvalidOperationException("Rasan:Callbacks:BaseUrl and SigningKey are not set.");
        var type = account.ProviderType.ToLowerInvariant();
        var signature = Sign(type, account.Id, message);
        return new Uri(
            $"{baseUrl}{RoutePrefix}/{Uri.EscapeDataString(type)}/{account.Id}?{MessageParameter}={message}&{SignatureParameter}={signature}");
    }

    /// <summary>Whether <paramref name="signature"/> is this hub's signature of the message for that provider and account.</summary>
    public bool IsSigned(string providerType, AccountId account, MessageId message, string? signature)
    {
        if (_key is null || signature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(providerType.ToLowerInvariant(), account, message));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Sign(string providerType, AccountId account, MessageId message)
    {
        var data = Encoding.UTF8.GetBytes($"{providerType}/{account}/{message}");
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, data, hash);
        return Base64Url.EncodeToString(hash[..SignatureBytes]);
    }
}

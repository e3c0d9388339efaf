using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// One account's imported private key, shared by every send through the account: RSA-SHA1 PKCS#1 v1.5 over the UTF-8
/// bytes of a signature string, standard Base64 with padding (providers/fanapplus.md §4). Signing on one instance from
/// several threads is safe on .NET's OpenSSL and CNG implementations (each operation takes its own context).
/// </summary>
internal sealed class FanapPlusSigningKey
{
    private const int StackBytes = 1_024;
    private readonly RSA _rsa;

    /// <summary>Wraps an imported key.</summary>
    /// <param name="rsa">The key, with its private part.</param>
    public FanapPlusSigningKey(RSA rsa)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        _rsa = rsa;
        KeySize = rsa.KeySize;
    }

    /// <summary>The key's size in bits.</summary>
    public int KeySize { get; }

    /// <summary>Signs a signature string.</summary>
    /// <param name="text">The string, such as <c>2024-05-01T08:30:00.125Z,3f2b…,a1b2…,Imi,Content,,Hello</c>.</param>
    /// <returns>The Base64 signature.</returns>
    public string Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var bytes = most <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            Span<byte> signature = stackalloc byte[(KeySize + 7) / 8];
            if (!_rsa.TrySignData(bytes[..length], signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1, out var written))
            {
                throw new CryptographicException("The signature did not fit its buffer.");
            }

            return Convert.ToBase64String(signature[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Rasan.Tokens;

/// <summary>Makes and hashes API token secrets.</summary>
internal static class ApiTokenSecret
{
    /// <summary>The fixed start of every secret Rasan issues, so leaked tokens are easy to scan for.</summary>
    public const string Marker = "rsn_";

    /// <summary>The characters of the secret shown as its prefix.</summary>
    public const int PrefixLength = 12;

    /// <summary>A new secret: the marker and 256 random bits, base64url.</summary>
    public static string Create()
        => Marker + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>
    /// What is shown of a secret: its first characters for secrets Rasan issued (256 random bits follow the marker),
    /// and for a secret an operator chose, which may be short, only a hash-derived tag that reveals none of it.
    /// </summary>
    public static string PrefixOf(string secret)
        => secret.StartsWith(Marker, StringComparison.Ordinal) && secret.Length > PrefixLength * 2
            ? secret[..PrefixLength]
            : "sha256:" + Convert.ToHexStringLower(Hash(secret).AsSpan(0, 4));
}

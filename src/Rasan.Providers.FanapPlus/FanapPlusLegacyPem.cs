using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Reads a legacy OpenSSL encrypted PEM key (<c>-----BEGIN RSA PRIVATE KEY-----</c> with <c>Proc-Type: 4,ENCRYPTED</c>
/// and <c>DEK-Info</c>, as <c>openssl rsa -des3</c> or <c>-aes256 -traditional</c> writes it), which .NET cannot, with
/// BouncyCastle, and hands the key to a .NET <see cref="RSA"/>: BouncyCastle only reads, never signs.
/// </summary>
internal static class FanapPlusLegacyPem
{
    /// <summary>Decrypts the key and imports it.</summary>
    /// <param name="rsa">The key to import into.</param>
    /// <param name="pem">The PEM text.</param>
    /// <param name="password">The password.</param>
    /// <returns><see cref="FanapPlusKeyProblem.None"/>, or why the key could not be read.</returns>
    public static FanapPlusKeyProblem Read(RSA rsa, ReadOnlySpan<char> pem, string password)
    {
        object? read;
        try
        {
            using var reader = new PemReader(new StringReader(pem.ToString()), new Password(password));
            read = reader.ReadObject();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // BouncyCastle throws several types for a wrong password (bad padding, then a DER that does not parse).
            return FanapPlusKeyProblem.WrongPassword;
        }

        var key = read switch
        {
            AsymmetricCipherKeyPair { Private: RsaPrivateCrtKeyParameters pair } => pair,
            RsaPrivateCrtKeyParameters single => single,
            _ => null,
        };
        if (key is null)
        {
            return read is RsaKeyParameters ? FanapPlusKeyProblem.PublicKeyOnly : FanapPlusKeyProblem.Damaged;
        }

        var pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(key).GetDerEncoded();
        try
        {
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return FanapPlusKeyProblem.None;
        }
        catch (CryptographicException)
        {
            return FanapPlusKeyProblem.Damaged;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private sealed class Password(string password) : IPasswordFinder
    {
        public char[] GetPassword() => password.ToCharArray();
    }
}

using System.Security.Cryptography;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Reads an account's RSA private key into a <see cref="RSA"/> that signs: PEM <c>RSA PRIVATE KEY</c> (PKCS#1),
/// <c>PRIVATE KEY</c> (PKCS#8), <c>ENCRYPTED PRIVATE KEY</c> (encrypted PKCS#8, with a password) and the .NET XML
/// <c>&lt;RSAKeyValue&gt;</c> format with .NET itself; legacy OpenSSL encrypted PEM (<c>Proc-Type: 4,ENCRYPTED</c> with
/// <c>DEK-Info</c>), which .NET cannot read, with <see cref="FanapPlusLegacyPem"/>. A key that was read signs a probe
/// and verifies it before it is returned. Problems are reported as a <see cref="FanapPlusKeyProblem"/>, so no exception
/// text (nor key material) reaches a message.
/// </summary>
internal static class FanapPlusKeyReader
{
    /// <summary>The shortest RSA key accepted, in bits.</summary>
    public const int MinKeySize = 1024;

    private const string PemBegin = "-----BEGIN ";
    private const string LegacyEncryptedHeader = "Proc-Type: 4,ENCRYPTED";
    private static readonly byte[] Probe = "Rasan FanapPlus key probe"u8.ToArray();

    /// <summary>Reads a key.</summary>
    /// <param name="text">The key text (PEM or XML), as the account holds it.</param>
    /// <param name="password">The password of an encrypted key, if any.</param>
    /// <param name="key">The key, ready to sign; the caller owns it.</param>
    /// <returns><see cref="FanapPlusKeyProblem.None"/> when read, else why not.</returns>
    public static FanapPlusKeyProblem TryRead(string? text, string? password, out RSA? key)
    {
        key = null;
        var trimmed = text.AsSpan().Trim().TrimStart('\uFEFF'); // a byte-order mark from a pasted file
        if (trimmed.IsEmpty)
        {
            return FanapPlusKeyProblem.Missing;
        }

        var rsa = RSA.Create();
        var problem = trimmed[0] == '<' ? ReadXml(rsa, trimmed) : ReadPem(rsa, trimmed, password);
        if (problem == FanapPlusKeyProblem.None)
        {
            problem = Check(rsa);
        }

        if (problem != FanapPlusKeyProblem.None)
        {
            rsa.Dispose();
            return problem;
        }

        key = rsa;
        return FanapPlusKeyProblem.None;
    }

    /// <summary>What a problem means for people, naming the account and the field; never with key material.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="accountName">The account's name.</param>
    /// <returns>The field at fault (<c>privateKey</c> or <c>privateKeyPassword</c>) and the message.</returns>
    public static (string Field, string Message) Describe(FanapPlusKeyProblem problem, string accountName)
    {
        var key = $"The private key (privateKey) of FanapPlus account '{accountName}'";
        return problem switch
        {
            FanapPlusKeyProblem.Missing => (FanapPlusDefaults.PrivateKeyField, $"FanapPlus account '{accountName}' needs its RSA private key (privateKey), in PEM or the .NET XML format, to sign messages."),
            FanapPlusKeyProblem.NotAKey => (FanapPlusDefaults.PrivateKeyField, $"{key} is neither a PEM key (-----BEGIN … PRIVATE KEY-----) nor a .NET XML key (<RSAKeyValue>)."),
            FanapPlusKeyProblem.Truncated => (FanapPlusDefaults.PrivateKeyField, $"{key} is incomplete: its end (the -----END …----- line or </RSAKeyValue>) is missing. Paste the whole key."),
            FanapPlusKeyProblem.PublicKeyOnly => (FanapPlusDefaults.PrivateKeyField, $"{key} is a public key (or a certificate); signing needs the private key."),
            FanapPlusKeyProblem.PasswordRequired => (FanapPlusDefaults.PrivateKeyPasswordField, $"{key} is encrypted: set its password (privateKeyPassword)."),
            FanapPlusKeyProblem.WrongPassword => (FanapPlusDefaults.PrivateKeyPasswordField, $"The password (privateKeyPassword) of FanapPlus account '{accountName}' does not decrypt its private key (or the encrypted key is damaged)."),
            FanapPlusKeyProblem.TooShort => (FanapPlusDefaults.PrivateKeyField, $"{key} is shorter than {MinKeySize} bits."),
            _ => (FanapPlusDefaults.PrivateKeyField, $"{key} could not be read: it is damaged or not an RSA private key."),
        };
    }

    private static FanapPlusKeyProblem ReadXml(RSA rsa, ReadOnlySpan<char> xml)
    {
        if (!xml.Contains("</RSAKeyValue>", StringComparison.Ordinal))
        {
            return xml.StartsWith("<RSAKeyValue", StringComparison.Ordinal) ? FanapPlusKeyProblem.Truncated : FanapPlusKeyProblem.NotAKey;
        }

        if (!xml.Contains("<D>", StringComparison.Ordinal))
        {
            return FanapPlusKeyProblem.PublicKeyOnly;
        }

        try
        {
            rsa.FromXmlString(xml.ToString());
            return FanapPlusKeyProblem.None;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or System.Xml.XmlException)
        {
            return FanapPlusKeyProblem.Damaged;
        }
    }

    private static FanapPlusKeyProblem ReadPem(RSA rsa, ReadOnlySpan<char> pem, string? password)
    {
        var begin = pem.IndexOf(PemBegin, StringComparison.Ordinal);
        if (begin < 0)
        {
            return FanapPlusKeyProblem.NotAKey;
        }

        // The private key's block wins over any public key or certificate beside it.
        var label = FindPrivateLabel(pem) ?? FirstLabel(pem[begin..]);
        var start = label is null ? -1 : pem.IndexOf($"{PemBegin}{label}-----", StringComparison.Ordinal);
        var endLine = $"-----END {label}-----";
        var end = start < 0 ? -1 : pem[start..].IndexOf(endLine, StringComparison.Ordinal);
        if (label is null || start < 0 || end < 0)
        {
            return FanapPlusKeyProblem.Truncated;
        }

        // Only that block: .NET refuses a text with several keys (a public key or certificate beside) as ambiguous.
        pem = pem.Slice(start, end + endLine.Length);

        var hasPassword = !string.IsNullOrEmpty(password);
        try
        {
            switch (label)
            {
                case "RSA PRIVATE KEY" when pem.Contains(LegacyEncryptedHeader, StringComparison.Ordinal):
                    return hasPassword ? FanapPlusLegacyPem.Read(rsa, pem, password!) : FanapPlusKeyProblem.PasswordRequired;
                case "ENCRYPTED PRIVATE KEY" when !hasPassword:
                    return FanapPlusKeyProblem.PasswordRequired;
                case "ENCRYPTED PRIVATE KEY":
                    return ImportEncrypted(rsa, pem, password!);
                case "RSA PRIVATE KEY" or "PRIVATE KEY":
                    rsa.ImportFromPem(pem);
                    return FanapPlusKeyProblem.None;
                case "PUBLIC KEY" or "RSA PUBLIC KEY" or "CERTIFICATE" or "TRUSTED CERTIFICATE":
                    return FanapPlusKeyProblem.PublicKeyOnly;
                default:
                    return FanapPlusKeyProblem.Damaged;
            }
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            return FanapPlusKeyProblem.Damaged;
        }
    }

    private static FanapPlusKeyProblem ImportEncrypted(RSA rsa, ReadOnlySpan<char> pem, string password)
    {
        try
        {
            rsa.ImportFromEncryptedPem(pem, password);
            return FanapPlusKeyProblem.None;
        }
        catch (CryptographicException)
        {
            // .NET does not tell a wrong password from damaged ciphertext; the wrong password is by far the likelier.
            return FanapPlusKeyProblem.WrongPassword;
        }
    }

    private static string? FindPrivateLabel(ReadOnlySpan<char> pem)
    {
        foreach (var label in (ReadOnlySpan<string>)["ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "PRIVATE KEY"])
        {
            if (pem.Contains($"{PemBegin}{label}-----", StringComparison.Ordinal))
            {
                return label;
            }
        }

        return null;
    }

    private static string? FirstLabel(ReadOnlySpan<char> fromBegin)
    {
        var rest = fromBegin[PemBegin.Length..];
        var end = rest.IndexOf("-----", StringComparison.Ordinal);
        return end <= 0 ? null : rest[..end].ToString();
    }

    private static FanapPlusKeyProblem Check(RSA rsa)
    {
        if (rsa.KeySize < MinKeySize)
        {
            return FanapPlusKeyProblem.TooShort;
        }

        try
        {
            var signature = rsa.SignData(Probe, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
            return rsa.VerifyData(Probe, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)
                ? FanapPlusKeyProblem.None
                : FanapPlusKeyProblem.Damaged;
        }
        catch (CryptographicException)
        {
            // A public key imported from XML without <D>, or inconsistent parameters.
            return FanapPlusKeyProblem.Damaged;
        }
    }
}

using System.Security.Cryptography;

namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>
/// The RSA key pair of the fake's default account, generated once per test run (key generation is the slow part of a
/// fake's start), with the texts a test may look for in logs.
/// </summary>
public static class FakeFanapPlusKeys
{
    private static readonly Lazy<RSA> Pair = new(() => RSA.Create(2048));

    /// <summary>The default account's key pair.</summary>
    public static RSA Default => Pair.Value;

    /// <summary>The default private key as PKCS#8 PEM, the form the fake's accounts carry.</summary>
    public static string DefaultPrivatePem => Default.ExportPkcs8PrivateKeyPem();

    /// <summary>A public-only copy of a key pair, as FanapPlus holds it.</summary>
    /// <param name="pair">The pair.</param>
    /// <returns>A new key with the public parameters only.</returns>
    public static RSA PublicOf(RSA pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var key = RSA.Create();
        key.ImportParameters(pair.ExportParameters(includePrivateParameters: false));
        return key;
    }

    /// <summary>Texts that must never reach a log, a trace or a recorded request: the PEM, its Base64 body and a line of it.</summary>
    /// <param name="privatePem">A private key PEM.</param>
    /// <returns>The texts.</returns>
    public static IEnumerable<string> SecretsOf(string privatePem)
    {
        ArgumentNullException.ThrowIfNull(privatePem);
        var lines = privatePem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("-----", StringComparison.Ordinal))
            .ToArray();
        return [privatePem, string.Concat(lines), .. lines.Take(3)];
    }
}

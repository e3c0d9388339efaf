using System.Security.Cryptography;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>
/// One RSA-2048 key made with <c>openssl genrsa</c>, written in every format a FanapPlus account may hold: PKCS#1,
/// PKCS#8, encrypted PKCS#8, legacy encrypted PEM (AES-256 and 3DES, as <c>openssl rsa -traditional</c> writes them),
/// the .NET XML format, and the public key. A class fixture: made once per test class, in a temporary directory.
/// </summary>
public sealed class OpenSslKeyFiles : IDisposable
{
    /// <summary>The password of every encrypted form.</summary>
    public const string Password = "Rasan-key-pass-7781";

    public OpenSslKeyFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("rasan-fanapplus-").FullName;
        if (!OpenSsl.IsAvailable)
        {
            return;
        }

        OpenSsl.Must(Directory, "genrsa", "-traditional", "-out", "pkcs1.pem", "2048");
        OpenSsl.Must(Directory, "pkey", "-in", "pkcs1.pem", "-out", "pkcs8.pem");
        OpenSsl.Must(Directory, "pkey", "-in", "pkcs1.pem", "-pubout", "-out", "public.pem");
        OpenSsl.Must(Directory, "pkcs8", "-topk8", "-in", "pkcs1.pem", "-v2", "aes-256-cbc", "-passout", $"pass:{Password}", "-out", "pkcs8-encrypted.pem");
        OpenSsl.Must(Directory, "rsa", "-in", "pkcs1.pem", "-aes256", "-traditional", "-passout", $"pass:{Password}", "-out", "legacy-aes256.pem");
        OpenSsl.Must(Directory, "rsa", "-in", "pkcs1.pem", "-des3", "-traditional", "-passout", $"pass:{Password}", "-out", "legacy-des3.pem");
        using var rsa = RSA.Create();
        rsa.ImportFromPem(Read("pkcs1.pem"));
        File.WriteAllText(System.IO.Path.Combine(Directory, "key.xml"), rsa.ToXmlString(includePrivateParameters: true));
        File.WriteAllText(System.IO.Path.Combine(Directory, "public.xml"), rsa.ToXmlString(includePrivateParameters: false));
    }

    /// <summary>The directory of the files.</summary>
    public string Directory { get; }

    /// <summary>Reads one of the files.</summary>
    /// <param name="name">Such as <c>pkcs8.pem</c>.</param>
    /// <returns>Its text.</returns>
    public string Read(string name) => File.ReadAllText(Path(name));

    /// <summary>The full path of one of the files.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The path.</returns>
    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>The public key, as FanapPlus holds it.</summary>
    /// <returns>A new key.</returns>
    public RSA PublicKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(Read("public.pem"));
        return rsa;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

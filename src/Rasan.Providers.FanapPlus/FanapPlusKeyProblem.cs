namespace Rasan.Providers.FanapPlus;

/// <summary>Why a private key text gave no signing key. Described by <see cref="FanapPlusKeyReader.Describe"/>, never with key material.</summary>
internal enum FanapPlusKeyProblem
{
    /// <summary>The key was read.</summary>
    None = 0,

    /// <summary>There is no key.</summary>
    Missing,

    /// <summary>Neither PEM nor the .NET XML format.</summary>
    NotAKey,

    /// <summary>The end of the PEM block or of the XML document is missing.</summary>
    Truncated,

    /// <summary>The format is right but the content does not decode to an RSA private key.</summary>
    Damaged,

    /// <summary>A public key or a certificate, without the private key.</summary>
    PublicKeyOnly,

    /// <summary>An encrypted key without <c>privateKeyPassword</c>.</summary>
    PasswordRequired,

    /// <summary>The password does not decrypt the key.</summary>
    WrongPassword,

    /// <summary>An RSA key shorter than <see cref="FanapPlusKeyReader.MinKeySize"/> bits.</summary>
    TooShort,
}

using System.Security.Cryptography;

namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>A service the fake knows: its Sid, the public key it verifies signatures with, how it builds the signed string, and its permissions.</summary>
/// <param name="Sid">The service id.</param>
/// <param name="PublicKey">The key signatures are verified with.</param>
public sealed record FakeFanapPlusAccount(string Sid, RSA PublicKey)
{
    /// <summary>The order of Uid and Sid in the signed string.</summary>
    public FanapPlusSignatureFieldOrder SignatureOrder { get; set; } = FanapPlusSignatureFieldOrder.UidThenSid;

    /// <summary>Whether the signed string carries the UserPhoneNumber in the AccountId slot (else the slot is left out).</summary>
    public bool PhoneInAccountIdSlot { get; set; }

    /// <summary>Whether the service may send by <c>UserPhoneNumber</c> (else 403).</summary>
    public bool MaySendByPhoneNumber { get; set; } = true;

    /// <summary>The <c>AppId</c>s granted access to the service (any other: 403).</summary>
    public HashSet<string> AppIds { get; } = new(StringComparer.Ordinal);
}

using System.Security.Cryptography;
using System.Text;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// The <c>Uid</c> of a call: a GUID derived from the service id and the set of the call's Rasan message ids (order
/// aside), so a retry of the same messages through the same service carries the same <c>Uid</c> and FanapPlus can
/// recognise it, while the same messages failed over to another service get a new one.
/// </summary>
internal static class FanapPlusUid
{
    /// <summary>Derives the Uid.</summary>
    /// <param name="sid">The account's service id.</param>
    /// <param name="ids">The call's message ids.</param>
    /// <returns>A GUID in the <c>D</c> form, such as <c>3f2b1c9e-6a51-8e0f-9d7b-2a7f0c5e8b11</c> (version 8, RFC 9562).</returns>
    public static string For(string sid, IEnumerable<MessageId> ids)
    {
        ArgumentNullException.ThrowIfNull(sid);
        ArgumentNullException.ThrowIfNull(ids);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(sid.ToUpperInvariant()));
        Span<byte> bytes = stackalloc byte[16];
        foreach (var id in ids.Order())
        {
            id.Value.TryWriteBytes(bytes, bigEndian: true, out _);
            hash.AppendData(bytes);
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);

        // RFC 9562 version 8 (custom) and the RFC variant.
        digest[6] = (byte)((digest[6] & 0x0F) | 0x80);
        digest[8] = (byte)((digest[8] & 0x3F) | 0x80);
        return new Guid(digest[..16], bigEndian: true).ToString("D");
    }
}

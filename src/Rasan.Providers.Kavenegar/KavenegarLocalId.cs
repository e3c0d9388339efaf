using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Rasan.Providers.Kavenegar;

/// <summary>
/// The numeric <c>localid</c> Kavenegar deduplicates sends by, derived from the Rasan message id: the first 8 bytes of
/// the SHA-256 of the id's 16 bytes (big-endian), masked to 63 bits, written in decimal. The same message always gets
/// the same local id, so a retry after an ambiguous timeout is recognised by Kavenegar and not billed twice.
/// </summary>
internal static class KavenegarLocalId
{
    /// <summary>Derives the local id of a message.</summary>
    /// <param name="id">The Rasan message id.</param>
    /// <returns>A positive 63-bit number.</returns>
    public static long From(MessageId id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.Value.TryWriteBytes(bytes, bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        var value = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) & long.MaxValue);
        return value == 0 ? 1 : value;
    }

    /// <summary>The local id of a message as Kavenegar's form field carries it.</summary>
    /// <param name="id">The Rasan message id.</param>
    /// <returns>The decimal digits.</returns>
    public static string Format(MessageId id) => From(id).ToString(CultureInfo.InvariantCulture);
}

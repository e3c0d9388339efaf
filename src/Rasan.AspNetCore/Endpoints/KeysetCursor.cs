using System.Buffers.Text;

namespace Rasan.AspNetCore.Endpoints;

/// <summary>The opaque keyset cursor of a search: the last id of a page, base64url-encoded.</summary>
internal static class KeysetCursor
{
    public static string Encode(Guid after)
    {
        Span<byte> bytes = stackalloc byte[16];
        after.TryWriteBytes(bytes, bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string cursor, out Guid after)
    {
        Span<byte> bytes = stackalloc byte[18];
        if (cursor.Length == 22
            && Base64Url.TryDecodeFromChars(cursor, bytes, out var written)
            && written == 16)
        {
            after = new Guid(bytes[..16], bigEndian: true);
            return true;
        }

        after = default;
        return false;
    }
}

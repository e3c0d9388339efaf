using System.Security.Cryptography;

namespace Rasan.Providers.Ghasedak;

/// <summary>The <c>clientReferenceId</c>s Rasan sends: the gateway answers a repeated one with its first result, unbilled.</summary>
internal static class GhasedakReferences
{
    private const string BulkPrefix = "rasan-bulk-";

    /// <summary>The reference of one message: its Rasan id.</summary>
    /// <param name="id">The message id.</param>
    /// <returns>The id's text, such as <c>0194d1c2-7a10-7cc3-8a55-6f4e2d1b0c9a</c>.</returns>
    public static string Of(MessageId id) => id.ToString();

    /// <summary>
    /// The one reference of a <c>SendBulkSMS</c> call, derived from the set of its message ids (order aside), so a retry
    /// of the same messages carries the same reference.
    /// </summary>
    /// <param name="ids">The messages' ids.</param>
    /// <returns><c>rasan-bulk-</c> and 32 hex digits of the SHA-256 of the sorted ids.</returns>
    public static string OfBulk(IEnumerable<MessageId> ids)
    {
        var sorted = ids.Order().ToArray();
        var bytes = new byte[sorted.Length * 16];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i].Value.TryWriteBytes(bytes.AsSpan(i * 16, 16), bigEndian: true, out _);
        }

        return BulkPrefix + Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 16);
    }
}

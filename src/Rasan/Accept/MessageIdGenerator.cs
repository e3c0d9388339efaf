using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Rasan.Accept;

/// <summary>
/// Makes version 7 UUIDs that increase strictly within this process (a 12-bit counter in the sub-millisecond bits),
/// so the messages of one request sort in request order and search pages are stable.
/// </summary>
internal sealed class MessageIdGenerator
{
    private const int RandomBytesPerId = 8;
    private const int RandomBlockSize = RandomBytesPerId * 512;

    private readonly Lock _lock = new();
    private readonly byte[] _random = new byte[RandomBlockSize];
    private int _randomUsed = RandomBlockSize;
    private long _lastMilliseconds;
    private int _counter;

    public Guid Next(DateTimeOffset now)
    {
        long milliseconds;
        int counter;
        Span<byte> bytes = stackalloc byte[16];
        lock (_lock)
        {
            // Cryptographic random bits, drawn from the generator in blocks rather than one call per id.
            if (_randomUsed + RandomBytesPerId > _random.Length)
            {
                RandomNumberGenerator.Fill(_random);
                _randomUsed = 0;
            }

            _random.AsSpan(_randomUsed, RandomBytesPerId).CopyTo(bytes[8..]);
            _randomUsed += RandomBytesPerId;
            milliseconds = Math.Max(now.ToUnixTimeMilliseconds(), _lastMilliseconds);
            if (milliseconds == _lastMilliseconds)
            {
                _counter++;
                if (_counter > 0xFFF)
                {
                    // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat an order.
                    milliseconds++;
                    _counter = 0;
                }
            }
            else
            {
                _counter = 0;
            }

            _lastMilliseconds = milliseconds;
            counter = _counter;
        }

        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

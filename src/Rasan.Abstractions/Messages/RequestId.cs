using System.Diagnostics.CodeAnalysis;

namespace Rasan;

/// <summary>Identifies one send request (one API call, one or many messages). Time-ordered (a version 7 UUID), so ids sort by creation time.</summary>
/// <param name="Value">The underlying UUID.</param>
public readonly record struct RequestId(Guid Value) : IComparable<RequestId>, ISpanParsable<RequestId>
{
    /// <summary>Creates a new id ordered by <paramref name="timestamp"/>.</summary>
    /// <param name="timestamp">The creation time encoded in the id.</param>
    /// <returns>A new unique id.</returns>
    public static RequestId New(DateTimeOffset timestamp) => new(Guid.CreateVersion7(timestamp));

    /// <inheritdoc />
    public int CompareTo(RequestId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");

    /// <inheritdoc />
    public static RequestId Parse(string s, IFormatProvider? provider) => new(Guid.Parse(s, provider));

    /// <inheritdoc />
    public static RequestId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(Guid.Parse(s, provider));

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RequestId result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out RequestId result)
    {
        var ok = Guid.TryParse(s, provider, out var guid);
        result = new RequestId(guid);
        return ok;
    }

    /// <summary>Compares two ids by creation order.</summary>
    public static bool operator <(RequestId left, RequestId right) => left.CompareTo(right) < 0;

    /// <summary>Compares two ids by creation order.</summary>
    public static bool operator >(RequestId left, RequestId right) => left.CompareTo(right) > 0;

    /// <summary>Compares two ids by creation order.</summary>
    public static bool operator <=(RequestId left, RequestId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two ids by creation order.</summary>
    public static bool operator >=(RequestId left, RequestId right) => left.CompareTo(right) >= 0;
}

using System.Diagnostics.CodeAnalysis;

namespace Rasan;

/// <summary>Identifies one provider account.</summary>
/// <param name="Value">The underlying UUID.</param>
public readonly record struct AccountId(Guid Value) : IComparable<AccountId>, ISpanParsable<AccountId>
{
    /// <summary>Creates a new id ordered by <paramref name="timestamp"/>.</summary>
    /// <param name="timestamp">The creation time encoded in the id.</param>
    /// <returns>A new unique id.</returns>
    public static AccountId New(DateTimeOffset timestamp) => new(Guid.CreateVersion7(timestamp));

    /// <inheritdoc />
    public int CompareTo(AccountId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");

    /// <inheritdoc />
    public static AccountId Parse(string s, IFormatProvider? provider) => new(Guid.Parse(s, provider));

    /// <inheritdoc />
    public static AccountId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(Guid.Parse(s, provider));

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AccountId result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out AccountId result)
    {
        var ok = Guid.TryParse(s, provider, out var guid);
        result = new AccountId(guid);
        return ok;
    }

    /// <summary>Compares two ids by creation order.</summary>
    public static bool operator <(AccountId left, AccountId right) => left.CompareTo(right) < 0;

    /// <summary>Compares two ids by creation order.</summary>
    public static bool operator >(AccountId left, AccountId right) => left.CompareTo(right) > 0;

    /// <summary>Compares two ids by creation order.</summary>
    public static bool operator <=(AccountId left, AccountId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two ids by creation order.</summary>
    public static bool operator >=(AccountId left, AccountId right) => left.CompareTo(right) >= 0;
}

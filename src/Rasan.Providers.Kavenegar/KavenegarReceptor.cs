namespace Rasan.Providers.Kavenegar;

/// <summary>Writes Rasan's E.164 recipients the way Kavenegar expects them.</summary>
internal static class KavenegarReceptor
{
    /// <summary>Converts an E.164 number: Iranian numbers to their national form, others to the <c>00</c> form.</summary>
    /// <param name="to">The recipient, such as <c>+989121234567</c>.</param>
    /// <returns><c>09121234567</c> for <c>+989121234567</c>; <c>0044…</c> for <c>+44…</c>; anything else as it is.</returns>
    public static string FromE164(string to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (to.StartsWith("+98", StringComparison.Ordinal))
        {
            return string.Concat("0", to.AsSpan(3));
        }

        return to.StartsWith('+') ? string.Concat("00", to.AsSpan(1)) : to;
    }

    /// <summary>Tells whether two receptors name the same number, whatever form each is in.</summary>
    /// <param name="left">One receptor.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when their last ten digits are equal.</returns>
    public static bool SameNumber(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        var a = left.AsSpan().Trim();
        var b = right.AsSpan().Trim();
        const int significant = 10;
        return a.Length >= significant && b.Length >= significant && a[^significant..].SequenceEqual(b[^significant..]);
    }
}

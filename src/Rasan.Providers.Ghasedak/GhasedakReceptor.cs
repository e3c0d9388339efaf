namespace Rasan.Providers.Ghasedak;

/// <summary>Writes Rasan's E.164 recipients in the national form the gateway takes; it sends to Iranian mobiles only.</summary>
internal static class GhasedakReceptor
{
    private const int NationalLength = 11; // 09xxxxxxxxx

    /// <summary>Converts an Iranian mobile number to its national form.</summary>
    /// <param name="to">The recipient: <c>+989121234567</c> (E.164) or <c>09121234567</c>.</param>
    /// <returns><c>09121234567</c>; <see langword="null"/> when it is not an Iranian mobile number.</returns>
    public static string? ToNational(string? to)
    {
        var national = to switch
        {
            null => null,
            _ when to.StartsWith("+98", StringComparison.Ordinal) => "0" + to[3..],
            _ => to,
        };
        return national is { Length: NationalLength } && national.StartsWith("09", StringComparison.Ordinal) && national.All(char.IsAsciiDigit)
            ? national
            : null;
    }

    /// <summary>Tells whether a receptor the gateway echoed is the number sent, whatever its form.</summary>
    /// <param name="echoed">The receptor in the answer.</param>
    /// <param name="national">The national form sent.</param>
    /// <returns><see langword="true"/> when their last ten digits agree.</returns>
    public static bool Matches(string? echoed, string national)
        => echoed is { Length: >= 10 } && echoed.AsSpan().Trim().EndsWith(national.AsSpan(1), StringComparison.Ordinal);
}

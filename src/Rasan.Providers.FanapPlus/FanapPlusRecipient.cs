namespace Rasan.Providers.FanapPlus;

/// <summary>Writes Rasan's E.164 recipients as the <c>UserPhoneNumber</c> FanapPlus takes: <c>09xxxxxxxxx</c>.</summary>
internal static class FanapPlusRecipient
{
    private const int NationalLength = 11;

    /// <summary>Converts an Iranian mobile number to its national form.</summary>
    /// <param name="to">The recipient: <c>+989121234567</c>, <c>00989121234567</c> or <c>09121234567</c>.</param>
    /// <returns><c>09121234567</c>; <see langword="null"/> when it is not an Iranian mobile number.</returns>
    public static string? ToNational(string? to)
    {
        var value = to?.Trim();
        var national = value switch
        {
            null => null,
            _ when value.StartsWith("+98", StringComparison.Ordinal) => "0" + value[3..],
            _ when value.StartsWith("0098", StringComparison.Ordinal) => "0" + value[4..],
            _ => value,
        };
        return national is { Length: NationalLength } && national.StartsWith("09", StringComparison.Ordinal) && national.All(char.IsAsciiDigit)
            ? national
            : null;
    }
}

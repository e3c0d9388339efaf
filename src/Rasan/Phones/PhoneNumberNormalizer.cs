using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Rasan.Phones;

/// <summary>Reads phone numbers in local or international form and writes them as E.164.</summary>
internal sealed class PhoneNumberNormalizer(IOptions<RasanOptions> options)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Normalises a mobile number.</summary>
    /// <param name="input">The number as given: 0912..., 98912..., 0098912..., +98 912 ..., Persian digits.</param>
    /// <param name="e164">The E.164 form, such as +989121234567.</param>
    /// <returns><see langword="false"/> when it is not a valid mobile number.</returns>
    public bool TryNormalizeMobile(string? input, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return false;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(input, options.Value.DefaultRegion);
        }
        catch (NumberParseException)
        {
            return false;
        }

        // GetNumberType answers UNKNOWN for an invalid number, so it decides alone (IsValidNumber would match the same patterns again).
        if (Util.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return false;
        }

        e164 = Util.Format(number, PhoneNumberFormat.E164);
        return true;
    }
}

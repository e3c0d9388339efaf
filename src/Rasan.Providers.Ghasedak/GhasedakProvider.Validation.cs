namespace Rasan.Providers.Ghasedak;

internal sealed partial class GhasedakProvider
{
    /// <summary>
    /// Checks what the descriptor's required fields cannot: an API key a header can carry, and the line number the
    /// gateway requires (the account's sender). Messages never quote the key.
    /// </summary>
    public void Validate(ProviderAccount account, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(errors);
        var apiKey = account.Settings.GetValueOrDefault(GhasedakDefaults.ApiKeyField);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            errors.Add(GhasedakDefaults.ApiKeyField, "A Ghasedak account needs its API key (apiKey).");
        }
        else if (!IsUsableKey(apiKey.Trim()))
        {
            errors.Add(GhasedakDefaults.ApiKeyField, "The Ghasedak API key has spaces or control characters, which no API key has.");
        }

        var line = account.Sender?.Trim();
        if (string.IsNullOrEmpty(line))
        {
            errors.Add("sender", "A Ghasedak account needs its line number as sender: digits such as 30005088, or priority, fastest or cheapest.");
        }
        else if (!GhasedakLineNumber.IsValid(line))
        {
            errors.Add("sender", $"The Ghasedak line number must be 1 to {GhasedakLineNumber.MaxDigits} digits, such as 30005088, or one of priority, fastest, cheapest; '{line}' is not.");
        }
    }
}

namespace Rasan.Providers.Kavenegar;

internal sealed partial class KavenegarProvider
{
    /// <summary>The longest sender line Kavenegar numbers have.</summary>
    private const int MaxSenderLength = 20;

    /// <summary>
    /// Checks what the descriptor's required fields cannot: that the API key can be one path segment and that the
    /// sender line, when set, is a line number (digits only). Messages never quote the key.
    /// </summary>
    public void Validate(ProviderAccount account, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(errors);
        var apiKey = account.Settings.TryGetValue(KavenegarDefaults.ApiKeyField, out var value) ? value : null;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            errors.Add(KavenegarDefaults.ApiKeyField, "A Kavenegar account needs its API key (apiKey).");
        }
        else if (apiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '?' or '#' or '%'))
        {
            errors.Add(KavenegarDefaults.ApiKeyField, "The Kavenegar API key has characters no API key has (spaces, '/', '\\', '?', '#' or '%').");
        }

        if (account.Sender is { Length: > 0 } sender && (sender.Length > MaxSenderLength || !sender.All(char.IsAsciiDigit)))
        {
            errors.Add("sender", $"The Kavenegar sender line must be a line number of 1 to {MaxSenderLength} digits, such as 10004346; '{sender}' is not.");
        }
    }
}

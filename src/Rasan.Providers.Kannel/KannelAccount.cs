namespace Rasan.Providers.Kannel;

/// <summary>The settings of one Kannel account, read and checked. Deliberately not a record: it holds the password.</summary>
internal sealed class KannelAccount
{
    private const string UrlExample = "http://127.0.0.1:13013/cgi-bin/sendsms";
    private const int MaxSmscLength = 64;

    private KannelAccount(Uri sendSmsUrl, string username, string password, string? smsc, string? sender)
    {
        SendSmsUrl = sendSmsUrl;
        Username = username;
        Password = password;
        Smsc = smsc;
        Sender = sender;
    }

    /// <summary>The smsbox <c>sendsms</c> URL.</summary>
    public Uri SendSmsUrl { get; }

    /// <summary>The sendsms-user name.</summary>
    public string Username { get; }

    /// <summary>The sendsms-user password.</summary>
    public string Password { get; }

    /// <summary>The smsc-id to route through, if any.</summary>
    public string? Smsc { get; }

    /// <summary>The account's sender line, if any (Kannel may have a global sender).</summary>
    public string? Sender { get; }

    /// <summary>Reads an account's settings, adding a message per field at fault.</summary>
    /// <param name="account">The account.</param>
    /// <param name="errors">Where errors go, keyed by field name.</param>
    /// <returns>The settings, or <see langword="null"/> when any is at fault.</returns>
    public static KannelAccount? Read(ProviderAccount account, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(errors);
        var valid = true;

        var url = Setting(account, KannelDefaults.UrlField);
        Uri? sendSmsUrl = null;
        if (url is null)
        {
            valid = false;
            errors.Add(KannelDefaults.UrlField, $"The smsbox sendsms URL is required, such as {UrlExample}.");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out sendSmsUrl)
                 || (sendSmsUrl.Scheme != Uri.UriSchemeHttp && sendSmsUrl.Scheme != Uri.UriSchemeHttps)
                 || sendSmsUrl.Host.Length == 0)
        {
            valid = false;

            // The value is not echoed: a URL pasted with credentials in it must not land in a log or a problem answer.
            errors.Add(KannelDefaults.UrlField, $"The smsbox sendsms URL must be an absolute http or https URL, such as {UrlExample}.");
        }
        else if (sendSmsUrl.UserInfo.Length > 0)
        {
            valid = false;
            errors.Add(KannelDefaults.UrlField, "The smsbox sendsms URL must not carry credentials: use the username and password fields.");
        }
        else if (sendSmsUrl.Fragment.Length > 0)
        {
            valid = false;
            errors.Add(KannelDefaults.UrlField, "The smsbox sendsms URL must not have a fragment (#...).");
        }

        var username = Setting(account, KannelDefaults.UsernameField);
        if (username is null)
        {
            valid = false;
            errors.Add(KannelDefaults.UsernameField, "The Kannel sendsms-user name is required.");
        }

        // Not trimmed: spaces may be part of a password.
        var password = account.Settings.TryGetValue(KannelDefaults.PasswordField, out var secret) && secret.Length > 0 ? secret : null;
        if (password is null)
        {
            valid = false;
            errors.Add(KannelDefaults.PasswordField, "The Kannel sendsms-user password is required.");
        }

        var smsc = Setting(account, KannelDefaults.SmscField);
        if (smsc is not null && (smsc.Length > MaxSmscLength || smsc.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            valid = false;
            errors.Add(KannelDefaults.SmscField, $"The smsc-id must be at most {MaxSmscLength} characters without spaces.");
        }

        if (!valid || sendSmsUrl is null || username is null || password is null)
        {
            return null;
        }

        var sender = string.IsNullOrWhiteSpace(account.Sender) ? null : account.Sender.Trim();
        return new KannelAccount(sendSmsUrl, username, password, smsc, sender);
    }

    private static string? Setting(ProviderAccount account, string name)
        => account.Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

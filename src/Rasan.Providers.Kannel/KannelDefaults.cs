namespace Rasan.Providers.Kannel;

/// <summary>Names the Kannel provider uses: its type, its HTTP client and its account fields.</summary>
internal static class KannelDefaults
{
    public const string ProviderType = "kannel";

    public const string HttpClientName = "Rasan.Providers.Kannel";

    public const string UrlField = "url";

    public const string UsernameField = "username";

    public const string PasswordField = "password";

    public const string SmscField = "smsc";
}

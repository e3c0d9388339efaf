using Microsoft.Extensions.DependencyInjection;
using Rasan.Testing;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>Accounts and messages for the tests.</summary>
internal static class KannelTestData
{
    public const string Sender = "RASAN";

    public const string Recipient = "+989121234567";

    public static ProviderAccount Account(Uri sendSmsUrl, string username, string password, string? sender = Sender, string? smsc = null)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["url"] = sendSmsUrl.AbsoluteUri,
            ["username"] = username,
            ["password"] = password,
        };
        if (smsc is not null)
        {
            settings["smsc"] = smsc;
        }

        return Account(settings, sender);
    }

    public static ProviderAccount Account(KannelServer server, string? sender = Sender, string? password = null)
        => Account(server.SendSmsUrl, server.Username, password ?? server.Password, sender);

    public static ProviderAccount Account(IReadOnlyDictionary<string, string> settings, string? sender = Sender) => new()
    {
        Id = AccountId.New(TimeProvider.System.GetUtcNow()),
        Name = "kannel-test",
        ProviderType = KannelRasanBuilderExtensions.KannelProviderType,
        Channel = Channel.Sms,
        Sender = sender,
        Settings = settings,
        CreatedAt = TimeProvider.System.GetUtcNow(),
    };

    public static OutgoingMessage Message(string text, ProviderAccount? account = null, string to = Recipient, DateTimeOffset? expiresAt = null) => new()
    {
        Id = MessageId.New(TimeProvider.System.GetUtcNow()),
        To = to,
        Text = text,
        Sender = account is null ? Sender : account.Sender,
        ExpiresAt = expiresAt,
    };

    /// <summary>A text no other test sends, so a shared fake SMSC's log can be searched for it.</summary>
    public static string UniqueText(string prefix) => $"{prefix} {Guid.NewGuid():N}";
}

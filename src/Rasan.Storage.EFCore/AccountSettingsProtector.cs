using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Rasan.Storage.EFCore;

/// <summary>
/// Encrypts provider account settings (API keys, passwords, private keys) before they are stored, with Rasan's own
/// Data Protection key ring kept in the database, so every host of the database reads them and the app's own key
/// ring is left alone. Settings stored before encryption (a JSON object) are still read; they are encrypted at their
/// next write.
/// </summary>
internal sealed class AccountSettingsProtector : IDisposable
{
    private const string Purpose = "Rasan.ProviderAccount.Settings.v1";
    private const string Prefix = "dp1:";

    private readonly ServiceProvider _keyRing;
    private readonly IDataProtector _protector;
    private readonly string _applicationName;

    public AccountSettingsProtector(
        IDbContextFactory<RasanDbContext> contexts, IOptions<RasanStorageOptions> options, ILoggerFactory? loggerFactory = null)
    {
        var settings = options.Value;
        _applicationName = settings.KeyRingApplicationName;
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddScoped(_ => contexts.CreateDbContext());
        var builder = services.AddDataProtection()
            .SetApplicationName(settings.KeyRingApplicationName)
            .PersistKeysToDbContext<RasanDbContext>();
        settings.ConfigureKeyRing?.Invoke(builder);
        _keyRing = services.BuildServiceProvider();
        _protector = _keyRing.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
    }

    public string Protect(string json) => Prefix + _protector.Protect(json);

    /// <summary>The settings JSON of an account.</summary>
    /// <exception cref="InvalidOperationException">This host's key ring cannot decrypt them.</exception>
    public string Unprotect(string stored, string accountName)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException(
                $"The settings of account '{accountName}' cannot be decrypted with this host's key ring (application name "
                + $"'{_applicationName}'). Every host of a database must use the same Rasan key ring: the same "
                + "KeyRingApplicationName, and the keys in the database's data_protection_keys table.",
                exception);
        }
    }

    public void Dispose() => _keyRing.Dispose();
}

using Microsoft.Extensions.Options;
using Rasan.Storage;

namespace Rasan.Host;

/// <summary>
/// Gives an empty database a service, a development provider account and a first API token. Runs in
/// <see cref="StartAsync"/>, after the stores' migrations (which run in <c>StartingAsync</c>). Idempotent across
/// restarts and safe when two hosts start at once: a name another host just took is read back, not added twice.
/// </summary>
internal sealed class RasanBootstrapper(
    ITenancyStore store,
    IApiTokenIssuer issuer,
    IOptions<BootstrapOptions> options,
    BootstrapTokenPrinter printer,
    HostStorageOptions storage,
    ConfiguredAccounts configuredAccounts,
    IAccountChecker accountChecker,
    TimeProvider time,
    ILogger<RasanBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.IsInMemory)
        {
            logger.StorageInMemory();
        }

        var settings = options.Value;
        var (service, created) = await EnsureServiceAsync(settings.Service, cancellationToken);
        if (configuredAccounts.Accounts.Count == 0)
        {
            // Only a hub with no configured accounts gets the development one: it must never be a real hub's fallback.
            await EnsureAccountAsync(settings.Account, cancellationToken);
        }
        else
        {
            await ApplyConfiguredAccountsAsync(cancellationToken);
        }

        if (!string.IsNullOrEmpty(settings.ApiToken))
        {
            await EnsureImportedTokenAsync(service, settings.ApiToken, cancellationToken);
        }
        else if (created)
        {
            var issued = await issuer.IssueAsync(service.Id, "bootstrap", ApiTokenScopes.All | ApiTokenScopes.Admin, expiresAt: null, cancellationToken);
            printer.Print(service.Name, issued.Secret);
            logger.TokenIssued(issued.Token.Prefix, service.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<(ClientService Service, bool Created)> EnsureServiceAsync(string name, CancellationToken cancellationToken)
    {
        if (await store.FindServiceAsync(name, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var now = time.GetUtcNow();
        var service = new ClientService { Id = ServiceId.New(now), Name = name, CreatedAt = now };
        try
        {
            await store.AddServiceAsync(service, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Most likely another host took the name first; anything else is thrown again.
            var theirs = await store.FindServiceAsync(name, cancellationToken);
            if (theirs is null)
            {
                throw;
            }

            logger.CreatedConcurrently(name);
            return (theirs, false);
        }

        logger.ServiceCreated(name);
        return (service, true);
    }

    private async Task EnsureAccountAsync(string name, CancellationToken cancellationToken)
    {
        if ((await store.ListAccountsAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await AddAccountAsync(
            new ProviderAccount
            {
                Id = AccountId.New(now),
                Name = name,
                ProviderType = DevelopmentRasanBuilderExtensions.DevelopmentProviderType,
                Channel = Channel.Sms,
                CreatedAt = now,
            },
            cancellationToken);
    }

    /// <summary>Adds an account; when another host starting at the same moment added one of that name first, uses theirs.</summary>
    private async Task AddAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
    {
        try
        {
            await store.AddAccountAsync(account, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            var accounts = await store.ListAccountsAsync(cancellationToken);
            if (!accounts.Any(a => string.Equals(a.Name, account.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw;
            }

            logger.CreatedConcurrently(account.Name);
            return;
        }

        logger.AccountCreated(account.Name);
    }

    /// <summary>
    /// Creates each account of <c>Rasan:Accounts</c>, or brings the stored one of that name in line with it. Every entry
    /// is checked first; one bad entry fails start-up naming each field at fault, and nothing is written.
    /// </summary>
    private async Task ApplyConfiguredAccountsAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAccountsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var wanted = new List<(ProviderAccount Account, bool Exists)>();
        var problems = new List<string>();
        foreach (var (name, entry) in configuredAccounts.Accounts)
        {
            var existing = stored.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
            var account = new ProviderAccount
            {
                Id = existing?.Id ?? AccountId.New(now),
                Name = name,
                ProviderType = entry.Provider,
                Channel = new Channel(entry.Channel),
                Sender = string.IsNullOrWhiteSpace(entry.Sender) ? null : entry.Sender,
                Enabled = entry.Enabled,
                RateLimitPerSecond = entry.RateLimitPerSecond,
                Settings = entry.Settings,
                CreatedAt = existing?.CreatedAt ?? now,
            };
            foreach (var (field, messages) in accountChecker.Check(account).ToDictionary())
            {
                problems.Add($"Rasan:Accounts:{name}:{field}: {string.Join(" ", messages)}");
            }

            if (existing is null || !SameAccount(existing, account))
            {
                wanted.Add((account, existing is not null));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Rasan:Accounts has invalid accounts: " + string.Join("; ", problems));
        }

        foreach (var (account, exists) in wanted)
        {
            if (exists)
            {
                await store.UpdateAccountAsync(account, cancellationToken);
                logger.AccountUpdated(account.Name);
            }
            else
            {
                await AddAccountAsync(account, cancellationToken);
            }
        }
    }

    private static bool SameAccount(ProviderAccount a, ProviderAccount b)
        => a with { Settings = b.Settings } == b
            && a.Settings.Count == b.Settings.Count
            && a.Settings.All(s => b.Settings.TryGetValue(s.Key, out var value) && value == s.Value);

    private async Task EnsureImportedTokenAsync(ClientService service, string secret, CancellationToken cancellationToken)
    {
        // Idempotent: on every start, and on several hosts at once, it stores the token once.
        var token = await issuer.ImportAsync(service.Id, "bootstrap", secret, ApiTokenScopes.All | ApiTokenScopes.Admin, cancellationToken);
        logger.TokenImported(token.Prefix, service.Name);
    }
}

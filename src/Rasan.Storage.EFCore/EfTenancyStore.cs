using Microsoft.EntityFrameworkCore;
using Rasan.Storage.EFCore.Entities;

namespace Rasan.Storage.EFCore;

/// <summary>The <see cref="ITenancyStore"/> over EF Core.</summary>
internal sealed class EfTenancyStore(IDbContextFactory<RasanDbContext> contextFactory, AccountSettingsProtector protector) : ITenancyStore
{
    public async Task<ClientService?> GetServiceAsync(ServiceId id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id.Value, cancellationToken);
        return row is null ? null : ToService(row);
    }

    public async Task<ClientService?> FindServiceAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        return row is null ? null : ToService(row);
    }

    public async Task AddServiceAsync(ClientService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Services.Add(new ServiceEntity
        {
            Id = service.Id.Value, Name = service.Name, Enabled = service.Enabled, CreatedAt = StoreTime.ToTicks(service.CreatedAt),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ProviderAccount>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Accounts.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(a => a.Name, StringComparer.Ordinal).Select(ToAccount)];
    }

    public async Task AddAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Accounts.Add(ToEntity(account));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> UpdateAccountAsync(ProviderAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = db.Accounts.Attach(ToEntity(account));
        row.State = EntityState.Modified;
        row.Property(a => a.CreatedAt).IsModified = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The update touched no row: there is no such account.
            return false;
        }
    }

    public async Task<ApiToken?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        return row is null ? null : ToToken(row);
    }

    public async Task AddTokenAsync(ApiToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(new ApiTokenEntity
        {
            Id = token.Id,
            ServiceId = token.ServiceId.Value,
            Name = token.Name,
            Prefix = token.Prefix,
            Hash = [.. token.Hash],
            Scopes = (int)token.Scopes,
            CreatedAt = StoreTime.ToTicks(token.CreatedAt),
            ExpiresAt = StoreTime.ToTicks(token.ExpiresAt),
            RevokedAt = StoreTime.ToTicks(token.RevokedAt),
            LastUsedAt = StoreTime.ToTicks(token.LastUsedAt),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ClientService ToService(ServiceEntity row) => new()
    {
        Id = new ServiceId(row.Id), Name = row.Name, Enabled = row.Enabled, CreatedAt = StoreTime.FromTicks(row.CreatedAt),
    };

    private ProviderAccount ToAccount(AccountEntity row) => new()
    {
        Id = new AccountId(row.Id),
        Name = row.Name,
        ProviderType = row.ProviderType,
        Channel = new Channel(row.Channel),
        Sender = row.Sender,
        Enabled = row.Enabled,
        RateLimitPerSecond = row.RateLimitPerSecond,
        Settings = StringMap.Decode(protector.Unprotect(row.Settings, row.Name)),
        CreatedAt = StoreTime.FromTicks(row.CreatedAt),
    };

    private AccountEntity ToEntity(ProviderAccount account) => new()
    {
        Id = account.Id.Value,
        Name = account.Name,
        ProviderType = account.ProviderType,
        Channel = account.Channel.Name,
        Sender = account.Sender,
        Enabled = account.Enabled,
        RateLimitPerSecond = account.RateLimitPerSecond,
        Settings = protector.Protect(StringMap.Encode(account.Settings, emptyAsNull: false)!),
        CreatedAt = StoreTime.ToTicks(account.CreatedAt),
    };

    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(ServiceId service, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiTokens.AsNoTracking()
            .Where(t => t.ServiceId == service.Value)
            .OrderByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToToken);
    }

    public async Task<ApiToken?> RevokeTokenAsync(ServiceId service, Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ticks = StoreTime.ToTicks(at);
        await db.ApiTokens
            .Where(t => t.Id == id && t.ServiceId == service.Value && t.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, ticks), cancellationToken);
        var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.ServiceId == service.Value, cancellationToken);
        return row is null ? null : ToToken(row);
    }

    public async Task RecordTokenUseAsync(IReadOnlyDictionary<Guid, DateTimeOffset> lastUse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lastUse);
        if (lastUse.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (id, at) in lastUse)
        {
            var ticks = StoreTime.ToTicks(at);
            await db.ApiTokens
                .Where(t => t.Id == id && (t.LastUsedAt == null || t.LastUsedAt < ticks))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, ticks), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static ApiToken ToToken(ApiTokenEntity row) => new()
    {
        Id = row.Id,
        ServiceId = new ServiceId(row.ServiceId),
        Name = row.Name,
        Prefix = row.Prefix,
        Hash = row.Hash,
        Scopes = (ApiTokenScopes)row.Scopes,
        CreatedAt = StoreTime.FromTicks(row.CreatedAt),
        ExpiresAt = StoreTime.FromTicks(row.ExpiresAt),
        RevokedAt = StoreTime.FromTicks(row.RevokedAt),
        LastUsedAt = StoreTime.FromTicks(row.LastUsedAt),
    };
}

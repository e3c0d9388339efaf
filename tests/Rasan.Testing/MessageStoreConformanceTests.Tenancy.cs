using Xunit;

namespace Rasan.Testing;

public abstract partial class MessageStoreConformanceTests
{
    [Fact]
    public async Task TenancyStore_AddedService_IsFoundByIdAndNameAndItsNameIsUnique()
    {
        var service = new ClientService { Id = _service, Name = "billing", Enabled = false, CreatedAt = Start };

        await Tenancy.AddServiceAsync(service, Ct);

        Assert.Equal(service, await Tenancy.GetServiceAsync(_service, Ct));
        Assert.Equal(service, await Tenancy.FindServiceAsync("billing", Ct));
        Assert.Null(await Tenancy.FindServiceAsync("other", Ct));
        Assert.Null(await Tenancy.GetServiceAsync(_otherService, Ct));
        await Assert.ThrowsAnyAsync<Exception>(
            () => Tenancy.AddServiceAsync(new ClientService { Id = _otherService, Name = "billing", CreatedAt = Start }, Ct));
    }

    [Fact]
    public async Task TenancyStore_Accounts_ListedByNameWithSettings()
    {
        var zeta = new ProviderAccount
        {
            Id = AccountId.New(Start), Name = "zeta", ProviderType = "kavenegar", Channel = Channel.Sms, Sender = "3000",
            RateLimitPerSecond = 12.5, Settings = new Dictionary<string, string> { ["apiKey"] = "k-1", ["note"] = "سلام" }, CreatedAt = Start,
        };
        var alpha = new ProviderAccount
        {
            Id = AccountId.New(Start.AddSeconds(1)), Name = "alpha", ProviderType = "fcm", Channel = Channel.Push, Enabled = false,
            CreatedAt = Start.AddSeconds(1),
        };

        await Tenancy.AddAccountAsync(zeta, Ct);
        await Tenancy.AddAccountAsync(alpha, Ct);
        var accounts = await Tenancy.ListAccountsAsync(Ct);

        Assert.Equal(["alpha", "zeta"], accounts.Select(a => a.Name));
        Assert.Equal(alpha with { Settings = accounts[0].Settings }, accounts[0]);
        Assert.Empty(accounts[0].Settings);
        Assert.Equal(zeta with { Settings = accounts[1].Settings }, accounts[1]);
        Assert.Equal(zeta.Settings.OrderBy(s => s.Key), accounts[1].Settings.OrderBy(s => s.Key));
    }

    [Fact]
    public async Task TenancyStore_UpdateAccount_ReplacesEverythingButCreationTime()
    {
        var account = new ProviderAccount
        {
            Id = AccountId.New(Start), Name = "main", ProviderType = "kavenegar", Channel = Channel.Sms, Sender = "3000",
            Settings = new Dictionary<string, string> { ["apiKey"] = "old" }, CreatedAt = Start,
        };
        await Tenancy.AddAccountAsync(account, Ct);
        var changed = account with
        {
            Name = "primary", Sender = "3001", Enabled = false, RateLimitPerSecond = 5,
            Settings = new Dictionary<string, string> { ["apiKey"] = "new", ["extra"] = "x" }, CreatedAt = Start.AddDays(1),
        };

        Assert.True(await Tenancy.UpdateAccountAsync(changed, Ct));
        Assert.False(await Tenancy.UpdateAccountAsync(changed with { Id = AccountId.New(Start.AddSeconds(5)) }, Ct));

        var stored = Assert.Single(await Tenancy.ListAccountsAsync(Ct));
        Assert.Equal(changed with { Settings = stored.Settings, CreatedAt = Start }, stored);
        Assert.Equal(changed.Settings.OrderBy(s => s.Key), stored.Settings.OrderBy(s => s.Key));
    }

    [Fact]
    public async Task TenancyStore_Token_FoundByHashOnly()
    {
        await Tenancy.AddServiceAsync(new ClientService { Id = _service, Name = "billing", CreatedAt = Start }, Ct);
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(Start), ServiceId = _service, Name = "app", Prefix = "rsn_ab12", Hash = [.. Enumerable.Range(0, 32).Select(i => (byte)i)],
            Scopes = ApiTokenScopes.Send | ApiTokenScopes.Read, CreatedAt = Start, ExpiresAt = Start.AddDays(30),
        };

        await Tenancy.AddTokenAsync(token, Ct);
        var found = await Tenancy.FindTokenAsync([.. token.Hash], Ct);

        Assert.NotNull(found);
        Assert.Equal(token with { Hash = found.Hash }, found);
        Assert.Equal(token.Hash, found.Hash);
        Assert.Null(await Tenancy.FindTokenAsync(new byte[32], Ct));
    }

    [Fact]
    public async Task TenancyStore_Tokens_ListedPerServiceNewestFirstAndRevokedOnceOnlyByTheirService()
    {
        await Tenancy.AddServiceAsync(new ClientService { Id = _service, Name = "billing", CreatedAt = Start }, Ct);
        await Tenancy.AddServiceAsync(new ClientService { Id = _otherService, Name = "shop", CreatedAt = Start }, Ct);
        var older = Token(_service, Start, 1);
        var newer = Token(_service, Start.AddMinutes(1), 2);
        var foreign = Token(_otherService, Start.AddMinutes(2), 3);
        foreach (var token in new[] { older, newer, foreign })
        {
            await Tenancy.AddTokenAsync(token, Ct);
        }

        var listed = await Tenancy.ListTokensAsync(_service, Ct);
        var byOther = await Tenancy.RevokeTokenAsync(_otherService, older.Id, Start.AddHours(1), Ct);
        var revoked = await Tenancy.RevokeTokenAsync(_service, older.Id, Start.AddHours(2), Ct);
        var again = await Tenancy.RevokeTokenAsync(_service, older.Id, Start.AddHours(3), Ct);

        Assert.Equal([newer.Id, older.Id], listed.Select(t => t.Id));
        Assert.Null(byOther);
        Assert.Equal(Start.AddHours(2), revoked?.RevokedAt);
        Assert.Equal(Start.AddHours(2), again?.RevokedAt);
        Assert.Equal(Start.AddHours(2), (await Tenancy.FindTokenAsync([.. older.Hash], Ct))?.RevokedAt);
        Assert.Null((await Tenancy.FindTokenAsync([.. newer.Hash], Ct))?.RevokedAt);
        Assert.Null(await Tenancy.RevokeTokenAsync(_service, Guid.NewGuid(), Start, Ct));
    }

    [Fact]
    public async Task TenancyStore_TokenUse_KeepsTheLatestTimeAndIgnoresUnknownTokens()
    {
        await Tenancy.AddServiceAsync(new ClientService { Id = _service, Name = "billing", CreatedAt = Start }, Ct);
        var token = Token(_service, Start, 4);
        await Tenancy.AddTokenAsync(token, Ct);

        await Tenancy.RecordTokenUseAsync(new Dictionary<Guid, DateTimeOffset> { [token.Id] = Start.AddMinutes(5), [Guid.NewGuid()] = Start }, Ct);
        await Tenancy.RecordTokenUseAsync(new Dictionary<Guid, DateTimeOffset> { [token.Id] = Start.AddMinutes(2) }, Ct);

        Assert.Equal(Start.AddMinutes(5), Assert.Single(await Tenancy.ListTokensAsync(_service, Ct)).LastUsedAt);
        Assert.Equal(Start.AddMinutes(5), (await Tenancy.FindTokenAsync([.. token.Hash], Ct))?.LastUsedAt);
    }

    private static ApiToken Token(ServiceId service, DateTimeOffset at, byte seed) => new()
    {
        Id = Guid.CreateVersion7(at), ServiceId = service, Name = $"app{seed}", Prefix = $"rsn_{seed}", Hash = [.. Enumerable.Repeat(seed, 32)],
        Scopes = ApiTokenScopes.Send, CreatedAt = at,
    };
}

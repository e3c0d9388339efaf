using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rasan.InMemory;
using Rasan.Storage;
using Rasan.Testing;
using Xunit;

namespace Rasan.Tests;

public sealed class ApiTokenServiceTests
{
    [Fact]
    public async Task IssueAsync_NewToken_AuthenticatesAndStoresOnlyAHash()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var issuer = engine.Provider.GetRequiredService<IApiTokenIssuer>();
        var authenticator = engine.Provider.GetRequiredService<IApiTokenAuthenticator>();

        var issued = await issuer.IssueAsync(engine.Service, "app", ApiTokenScopes.Send, expiresAt: null);

        Assert.StartsWith("rsn_", issued.Secret, StringComparison.Ordinal);
        Assert.True(issued.Secret.Length >= 40);
        Assert.Equal(32, issued.Token.Hash.Length);
        Assert.StartsWith(issued.Token.Prefix, issued.Secret, StringComparison.Ordinal);
        var found = await authenticator.AuthenticateAsync(issued.Secret);
        Assert.Equal(issued.Token.Id, found!.Id);
        Assert.Null(await authenticator.AuthenticateAsync(issued.Secret + "x"));
        Assert.Null(await authenticator.AuthenticateAsync(""));
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredToken_IsRejectedEvenWhenCached()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var issuer = engine.Provider.GetRequiredService<IApiTokenIssuer>();
        var authenticator = engine.Provider.GetRequiredService<IApiTokenAuthenticator>();
        var issued = await issuer.IssueAsync(engine.Service, "app", ApiTokenScopes.All, EngineHarness.Start.AddSeconds(2));

        Assert.NotNull(await authenticator.AuthenticateAsync(issued.Secret));
        engine.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await authenticator.AuthenticateAsync(issued.Secret));
    }

    [Fact]
    public async Task RevokeAsync_CachedToken_FailsAtOnceHereAndWithinTheCacheLifetimeOnAnotherHost()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var issuer = engine.Provider.GetRequiredService<IApiTokenIssuer>();
        var here = engine.Provider.GetRequiredService<IApiTokenAuthenticator>();
        var otherHost = new Rasan.Tokens.ApiTokenService(engine.Tenancy, new Rasan.Tokens.TokenUseRecorder(engine.Tenancy), engine.Clock);
        var issued = await issuer.IssueAsync(engine.Service, "app", ApiTokenScopes.Send, expiresAt: null);
        Assert.NotNull(await here.AuthenticateAsync(issued.Secret));
        Assert.NotNull(await otherHost.AuthenticateAsync(issued.Secret));

        var revoked = await engine.Provider.GetRequiredService<IApiTokenManager>().RevokeAsync(engine.Service, issued.Token.Id);

        Assert.Equal(EngineHarness.Start, revoked?.RevokedAt);
        Assert.Null(await here.AuthenticateAsync(issued.Secret));
        engine.Clock.Advance(Rasan.Tokens.ApiTokenService.CacheDuration);
        Assert.Null(await otherHost.AuthenticateAsync(issued.Secret));
    }

    [Fact]
    public async Task AuthenticateAsync_Uses_AreWrittenAsTheLatestLastUseAtTheNextFlush()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var issued = await engine.Provider.GetRequiredService<IApiTokenIssuer>().IssueAsync(engine.Service, "app", ApiTokenScopes.Send, expiresAt: null);
        var authenticator = engine.Provider.GetRequiredService<IApiTokenAuthenticator>();
        var recorder = engine.Provider.GetRequiredService<Rasan.Tokens.TokenUseRecorder>();
        var manager = engine.Provider.GetRequiredService<IApiTokenManager>();

        await authenticator.AuthenticateAsync(issued.Secret);
        engine.Clock.Advance(TimeSpan.FromSeconds(7));
        await authenticator.AuthenticateAsync(issued.Secret);
        var beforeFlush = Assert.Single(await manager.ListAsync(engine.Service)).LastUsedAt;
        await recorder.FlushAsync(CancellationToken.None);

        Assert.Null(beforeFlush);
        Assert.Equal(EngineHarness.Start.AddSeconds(7), Assert.Single(await manager.ListAsync(engine.Service)).LastUsedAt);
    }

    [Fact]
    public async Task FlushAsync_StoreDown_KeepsTheUsesForTheNextFlush()
    {
        var tenancy = new ControllableTenancyStore(new InMemoryTenancyStore());
        await using var engine = await EngineHarness.CreateAsync(services: s => s.Replace(ServiceDescriptor.Singleton<ITenancyStore>(tenancy)));
        var issued = await engine.Provider.GetRequiredService<IApiTokenIssuer>().IssueAsync(engine.Service, "app", ApiTokenScopes.Send, expiresAt: null);
        var recorder = engine.Provider.GetRequiredService<Rasan.Tokens.TokenUseRecorder>();
        await engine.Provider.GetRequiredService<IApiTokenAuthenticator>().AuthenticateAsync(issued.Secret);

        tenancy.Failure = new TimeoutException("database away");
        await Assert.ThrowsAsync<TimeoutException>(() => recorder.FlushAsync(CancellationToken.None));
        tenancy.Failure = null;
        await recorder.FlushAsync(CancellationToken.None);

        Assert.Equal(EngineHarness.Start, Assert.Single(await engine.Provider.GetRequiredService<IApiTokenManager>().ListAsync(engine.Service)).LastUsedAt);
    }

    [Fact]
    public async Task RevokeAsync_AnotherServicesToken_ChangesNothing()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var issued = await engine.Provider.GetRequiredService<IApiTokenIssuer>().IssueAsync(engine.Service, "app", ApiTokenScopes.Send, expiresAt: null);
        var manager = engine.Provider.GetRequiredService<IApiTokenManager>();

        Assert.Null(await manager.RevokeAsync(new ServiceId(Guid.NewGuid()), issued.Token.Id));

        Assert.Null(Assert.Single(await manager.ListAsync(engine.Service)).RevokedAt);
        Assert.NotNull(await engine.Provider.GetRequiredService<IApiTokenAuthenticator>().AuthenticateAsync(issued.Secret));
    }

    [Fact]
    public async Task AuthenticateAsync_FloodOfUnknownSecrets_KeepsValidTokensWorking()
    {
        var tenancy = new ControllableTenancyStore(new InMemoryTenancyStore());
        await using var engine = await EngineHarness.CreateAsync(services: s => s.Replace(ServiceDescriptor.Singleton<ITenancyStore>(tenancy)));
        var issuer = engine.Provider.GetRequiredService<IApiTokenIssuer>();
        var authenticator = engine.Provider.GetRequiredService<IApiTokenAuthenticator>();
        var issued = await issuer.IssueAsync(engine.Service, "app", ApiTokenScopes.All, expiresAt: null);
        Assert.NotNull(await authenticator.AuthenticateAsync(issued.Secret));

        for (var i = 0; i < 12_000; i++)
        {
            Assert.Null(await authenticator.AuthenticateAsync($"rsn_unknown-{i}"));
        }

        var lookups = tenancy.TokenLookups;
        Assert.NotNull(await authenticator.AuthenticateAsync(issued.Secret));
        Assert.Equal(lookups, tenancy.TokenLookups);
    }

    [Fact]
    public async Task ImportAsync_ShortSecret_IsRefused()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var issuer = engine.Provider.GetRequiredService<IApiTokenIssuer>();

        await Assert.ThrowsAsync<ArgumentException>(() => issuer.ImportAsync(engine.Service, "boot", "short", ApiTokenScopes.All));
    }

    [Fact]
    public async Task ImportAsync_OperatorSecret_Authenticates()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var issuer = engine.Provider.GetRequiredService<IApiTokenIssuer>();
        var authenticator = engine.Provider.GetRequiredService<IApiTokenAuthenticator>();

        var token = await issuer.ImportAsync(engine.Service, "boot", "smoke-token-0123456789", ApiTokenScopes.All);

        Assert.Equal(engine.Service, (await authenticator.AuthenticateAsync("smoke-token-0123456789"))!.ServiceId);
        Assert.StartsWith("sha256:", token.Prefix, StringComparison.Ordinal);
        Assert.DoesNotContain("smoke", token.Prefix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_SameSecretAgainOrConcurrently_ReturnsTheOneStoredToken()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var issuer = engine.Provider.GetRequiredService<IApiTokenIssuer>();
        const string secret = "bootstrap-token-0123456789";

        var first = await issuer.ImportAsync(engine.Service, "boot", secret, ApiTokenScopes.All);
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => issuer.ImportAsync(engine.Service, "boot", secret, ApiTokenScopes.All)));

        Assert.All(again, t => Assert.Equal(first.Id, t.Id));
    }

    [Fact]
    public async Task ImportAsync_SecretOfAnotherServicesToken_IsRefused()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var issuer = engine.Provider.GetRequiredService<IApiTokenIssuer>();
        var other = new ClientService { Id = new ServiceId(Guid.NewGuid()), Name = "other", CreatedAt = EngineHarness.Start };
        await engine.Tenancy.AddServiceAsync(other, CancellationToken.None);
        await issuer.ImportAsync(engine.Service, "boot", "shared-token-0123456789", ApiTokenScopes.All);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => issuer.ImportAsync(other.Id, "boot", "shared-token-0123456789", ApiTokenScopes.All));
    }
}

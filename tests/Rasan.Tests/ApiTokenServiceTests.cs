using Microsoft.Extensions.DependencyInjection;
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

        await issuer.ImportAsync(engine.Service, "boot", "smoke-token-0123456789", ApiTokenScopes.All);

        Assert.Equal(engine.Service, (await authenticator.AuthenticateAsync("smoke-token-0123456789"))!.ServiceId);
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class RasanApiRegistrationTests
{
    [Fact]
    public async Task AddRasanApi_CalledTwice_RegistersOneSchemeAndOneHealthCheck()
    {
        var services = new ServiceCollection();
        services.AddLogging();

        services.AddRasan().AddInMemoryStores().AddRasanApi().AddRasanApi(o => o.MaxSendBodySize = 2048);

        await using var provider = services.BuildServiceProvider();
        var schemes = await provider.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        Assert.Single(schemes, s => s.Name == RasanApiDefaults.AuthenticationScheme);
        Assert.Single(
            provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations,
            r => r.Name == RasanApiServiceCollectionExtensions.StoreHealthCheckName);
        Assert.Equal(2048, provider.GetRequiredService<IOptions<RasanApiOptions>>().Value.MaxSendBodySize);
    }

    [Fact]
    public async Task AddRasanApi_DoesNotChangeTheHostsDefaultScheme()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthentication("Cookies").AddCookie();

        services.AddRasan().AddInMemoryStores().AddRasanApi();

        await using var provider = services.BuildServiceProvider();
        var schemes = provider.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Equal("Cookies", (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name);
        Assert.Equal("Cookies", (await schemes.GetDefaultChallengeSchemeAsync())?.Name);
    }

    [Fact]
    public void AddRasanApi_BodyLimitTooSmall_FailsValidationNamingIt()
    {
        var services = new ServiceCollection();
        services.AddRasan().AddInMemoryStores().AddRasanApi(o => o.MaxSendBodySize = 10);

        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RasanApiOptions>>().Value);
        Assert.Contains(nameof(RasanApiOptions.MaxSendBodySize), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapRasan_WithoutAddRasanApi_ThrowsNamingTheFix()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        using var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.MapRasan());

        Assert.Contains("AddRasanApi", exception.Message, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Rasan.Dispatch;
using Xunit;

namespace Rasan.Tests;

public sealed class AccountDirectoryTests
{
    [Fact]
    public async Task FindAsync_AccountAddedAfterTheLastRead_IsFoundASecondLaterNotAfterTheFullRefresh()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var directory = engine.Provider.GetRequiredService<AccountDirectory>();
        Assert.Single(await directory.GetAllAsync(CancellationToken.None));
        var added = engine.Account with { Id = new AccountId(Guid.NewGuid()), Name = "late" };
        await engine.Tenancy.AddAccountAsync(added, CancellationToken.None);

        Assert.Null(await directory.FindAsync(added.Id, CancellationToken.None));
        engine.Clock.Advance(AccountDirectory.MissRefreshInterval);

        Assert.Equal("late", (await directory.FindAsync(added.Id, CancellationToken.None))?.Name);
        Assert.True(AccountDirectory.MissRefreshInterval < AccountDirectory.RefreshInterval);
    }

    [Fact]
    public async Task FindAsync_UnknownAccountAskedAgainAndAgain_ReadsTheStoreAtMostOncePerSecond()
    {
        await using var engine = await EngineHarness.CreateAsync();
        var directory = engine.Provider.GetRequiredService<AccountDirectory>();
        await directory.GetAllAsync(CancellationToken.None);
        var unknown = new AccountId(Guid.NewGuid());
        var added = engine.Account with { Id = new AccountId(Guid.NewGuid()), Name = "late" };

        Assert.Null(await directory.FindAsync(unknown, CancellationToken.None));
        await engine.Tenancy.AddAccountAsync(added, CancellationToken.None);
        Assert.Null(await directory.FindAsync(unknown, CancellationToken.None));

        // No read happened within the second, so the account added meanwhile is not seen yet.
        Assert.DoesNotContain(await directory.GetAllAsync(CancellationToken.None), a => a.Name == "late");
    }
}

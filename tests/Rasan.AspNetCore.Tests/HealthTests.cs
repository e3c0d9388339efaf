using Rasan.Testing;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_StoreAnswers_Answers200()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Anonymous.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_StoreDown_Answers503()
    {
        await using var api = await TestApi.StartAsync();
        api.App.Services.GetRequiredService<ControllableTenancyStore>().Failure = new FakeDbException();

        using var response = await api.Anonymous.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}

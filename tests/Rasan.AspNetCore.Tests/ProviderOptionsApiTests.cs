using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers;
using Rasan.Storage;
using Rasan.Testing;
using Xunit;

namespace Rasan.AspNetCore.Tests;

/// <summary><c>providerOptions</c> on the send API: stored, shown back, and documented from the hub's providers.</summary>
public sealed class ProviderOptionsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_WithProviderOptions_StoresThemInTheDeclaredSpellingAndShowsThem()
    {
        await using var api = await StartWithOptionsProviderAsync();

        var (_, id) = await TestApi.SendOneAsync(api.A, new
        {
            to = new[] { "+989121234567" },
            text = "hello",
            account = "opt",
            providerOptions = new { kind = "premium", reference = "MO7" },
        });
        using var response = await api.A.GetAsync($"/api/v1/messages/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = (await TestApi.ReadJsonAsync(response)).GetProperty("providerOptions");
        Assert.Equal("Premium", options.GetProperty("kind").GetString());
        Assert.Equal("MO7", options.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Send_BadValueForTheAccountsProvider_Answers400NamingTheOptionAndStoresNothing()
    {
        await using var api = await StartWithOptionsProviderAsync();

        using var response = await api.A.PostAsJsonAsync(
            "/api/v1/messages",
            new { to = new[] { "+989121234567" }, text = "x", account = "opt", providerOptions = new { kind = "Gold" } },
            Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestApi.ReadJsonAsync(response)).GetProperty("errors");
        Assert.Contains("Plain, Premium", errors.GetProperty("providerOptions.kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await api.CountMessagesAsync(api.ServiceA));
    }

    [Fact]
    public async Task Send_WaitingOnAProviderThatReportsDeliveryInItsAnswer_AnswersDelivered()
    {
        await using var api = await StartWithOptionsProviderAsync();

        using var response = await api.A.PostAsJsonAsync(
            "/api/v1/messages", new { to = new[] { "+989121234567" }, text = "wait", account = "opt", waitSeconds = 10 }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("delivered", (await TestApi.ReadJsonAsync(response)).GetProperty("messages")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_MessageWithoutOptions_LeavesTheFieldOut()
    {
        await using var api = await TestApi.StartAsync();
        var (_, id) = await TestApi.SendOneAsync(api.A);

        using var response = await api.A.GetAsync($"/api/v1/messages/{id}", Ct);

        Assert.False((await TestApi.ReadJsonAsync(response)).TryGetProperty("providerOptions", out _));
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryProvidersOptionsWithTheirValues()
    {
        await using var api = await StartWithOptionsProviderAsync();

        using var response = await api.Anonymous.GetAsync("/openapi/v1.json", Ct);

        var schemas = (await TestApi.ReadJsonAsync(response)).GetProperty("components").GetProperty("schemas");
        foreach (var type in new[] { "SendMessagesRequest", "SendMessageItem" })
        {
            var options = schemas.GetProperty(type).GetProperty("properties").GetProperty("providerOptions");
            Assert.False(options.GetProperty("additionalProperties").GetBoolean());
            var kind = options.GetProperty("properties").GetProperty("kind");
            Assert.Equal(["Plain", "Premium"], kind.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
            Assert.Contains("Options test ('options-test' accounts)", kind.GetProperty("description").GetString(), StringComparison.Ordinal);
            var reference = options.GetProperty("properties").GetProperty("reference");
            Assert.False(reference.TryGetProperty("enum", out _));
        }
    }

    private static async Task<TestApi> StartWithOptionsProviderAsync()
    {
        var api = await TestApi.StartAsync(services: s => s.AddSingleton<IMessageProvider, OptionsTestProvider>());
        await api.App.Services.GetRequiredService<ITenancyStore>().AddAccountAsync(
            new ProviderAccount
            {
                Id = new AccountId(Guid.NewGuid()),
                Name = "opt",
                ProviderType = OptionsTestProvider.Type,
                Channel = Channel.Sms,
                CreatedAt = DateTimeOffset.UtcNow,
            },
            Ct);
        return api;
    }
}

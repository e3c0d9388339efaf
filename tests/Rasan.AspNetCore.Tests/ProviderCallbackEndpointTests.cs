using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers;
using Rasan.Storage;
using Rasan.Testing;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class ProviderCallbackEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Callback_OnTheSignedAddressWithoutAToken_DeliversTheMessageAndRepeatsAnswer200()
    {
        await using var api = await StartAsync();
        var (messageId, address) = await SendThroughCallbackAccountAsync(api);
        using var provider = api.App.GetTestClient();

        using var first = await provider.GetAsync(address + "&state=delivered&status=DELIVRD", Ct);
        using var repeated = await provider.GetAsync(address + "&state=delivered&status=DELIVRD", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var message = await TestApi.WaitForStatusAsync(api.A, messageId, "delivered");
        Assert.Single(message.GetProperty("events").EnumerateArray(), e => e.GetProperty("status").GetString() == "delivered");
    }

    [Fact]
    public async Task Callback_TamperedSignature_Is404AndChangesNothing()
    {
        await using var api = await StartAsync();
        var (messageId, address) = await SendThroughCallbackAccountAsync(api);
        using var provider = api.App.GetTestClient();
        var signature = address[(address.IndexOf("sig=", StringComparison.Ordinal) + 4)..];

        using var response = await provider.GetAsync(address.Replace(signature, (signature[0] == 'A' ? "B" : "A") + signature[1..], StringComparison.Ordinal) + "&state=delivered", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sent", (await TestApi.WaitForStatusAsync(api.A, messageId, "sent")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Callback_SignedButNotAReport_Is400()
    {
        await using var api = await StartAsync();
        var (_, address) = await SendThroughCallbackAccountAsync(api);
        using var provider = api.App.GetTestClient();

        using var response = await provider.GetAsync(address + "&state=lost-in-space", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Callback_PostBodyOverTheLimit_Is413()
    {
        await using var api = await StartAsync();
        var (_, address) = await SendThroughCallbackAccountAsync(api);
        using var provider = api.App.GetTestClient();

        using var response = await provider.PostAsync(address + "&state=delivered", new ByteArrayContent(new byte[65 * 1024]), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static Task<TestApi> StartAsync()
        => TestApi.StartAsync(services: services =>
        {
            services.Configure<RasanOptions>(o =>
            {
                o.Callbacks.BaseUrl = new Uri("http://localhost/");
                o.Callbacks.SigningKey = "endpoint-test-signing-key-0123456789";
            });
            services.AddCallbackTestProvider();
        });

    /// <summary>Sends through a callback-test account and waits until the provider was given the message's address.</summary>
    private static async Task<(string MessageId, string Address)> SendThroughCallbackAccountAsync(TestApi api)
    {
        var tenancy = api.App.Services.GetRequiredService<ITenancyStore>();
        if ((await tenancy.ListAccountsAsync(Ct)).All(a => a.Name != "cb"))
        {
            await tenancy.AddAccountAsync(
                new ProviderAccount
                {
                    Id = new AccountId(Guid.NewGuid()),
                    Name = "cb",
                    ProviderType = CallbackTestProvider.Type,
                    Channel = Channel.Sms,
                    Settings = new Dictionary<string, string> { ["token"] = "t" },
                    CreatedAt = DateTimeOffset.UtcNow,
                },
                Ct);
        }

        var (_, messageId) = await TestApi.SendOneAsync(api.A, new { to = new[] { "+989121234567" }, text = "hi", account = "cb" });
        await TestApi.WaitForStatusAsync(api.A, messageId, "sent");
        var address = api.App.Services.GetRequiredService<CallbackTestProvider>().Addresses[MessageId.Parse(messageId, null)]!;
        return (messageId, address.PathAndQuery);
    }
}

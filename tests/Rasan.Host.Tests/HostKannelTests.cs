using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rasan.Testing;
using Xunit;

namespace Rasan.Host.Tests;

/// <summary>The standalone host sending through a real Kannel (bearerbox, smsbox, fakesmsc) with its delivery reports.</summary>
public sealed class HostKannelTests
{
    private const string Token = "host-kannel-token-0123456789";

    [Fact]
    public async Task Host_KannelAccount_SendsToTheHandsetAndReachesDeliveredThroughKannelsCallbacks()
    {
        KannelServer.SkipOrFailUnlessAvailable();
        var ct = TestContext.Current.CancellationToken;
        await using var kannel = await KannelServer.StartAsync(ct);
        using var database = new TempDatabase();
        var address = HostProcess.FreeAddress();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Rasan"] = $"Data Source={database.Path}",
            ["Rasan__Callbacks__BaseUrl"] = address.ToString(),
            ["Rasan__Callbacks__SigningKey"] = "host-kannel-signing-key-0123456789",
            ["Rasan__Accounts__operator__Provider"] = "kannel",
            ["Rasan__Accounts__operator__Sender"] = "3000",
            ["Rasan__Accounts__operator__Settings__url"] = kannel.SendSmsUrl.ToString(),
            ["Rasan__Accounts__operator__Settings__username"] = kannel.Username,
            ["Rasan__Accounts__operator__Settings__password"] = kannel.Password,
        };
        await using var host = await HostProcess.StartAsync(environment, Token, ct, address);

        using var sent = await host.Client.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "09121234567" }, text = "سلام از رسان" }, ct);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var id = (string)JsonNode.Parse(await sent.Content.ReadAsStringAsync(ct))!["messages"]![0]!["id"]!;

        var handset = await kannel.WaitForMessageAsync(m => m.Text == "سلام از رسان", ct);
        JsonNode? message = null;
        for (var i = 0; i < 150 && (string?)message?["status"] != "delivered"; i++)
        {
            await Task.Delay(100, ct);
            message = JsonNode.Parse(await host.Client.GetStringAsync(new Uri($"/api/v1/messages/{id}", UriKind.Relative), ct));
        }

        Assert.True((string?)message?["status"] == "delivered", $"status {message?["status"]}; host output:\n{host.Output}\nKannel:\n{kannel.LogTail()}");
        Assert.Equal("3000", handset.From);
        var events = message!["events"]!.AsArray();
        Assert.Single(events, e => (string?)e!["status"] == "delivered");
    }
}

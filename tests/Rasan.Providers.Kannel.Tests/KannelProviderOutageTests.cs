using System.Net;
using System.Net.Sockets;
using Rasan.Testing;
using Xunit;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>The provider when the operator or Kannel itself is unreachable.</summary>
public sealed class KannelProviderOutageTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_SmscDown_QueuesThenDeliversWithReportsOnReconnect()
    {
        KannelServer.SkipOrFailUnlessAvailable();
        await using var server = await KannelServer.StartAsync(Cancellation);
        using var host = new KannelTestHost();
        await using var dlr = DlrListener.Start();
        var account = KannelTestData.Account(server);
        var message = KannelTestData.Message(KannelTestData.UniqueText("queued while the operator is down"), account);
        await server.StopFakeSmscAsync(Cancellation);

        var outcomes = await host.Provider.SendAsync(new ProviderContext(account) { CallbackUrl = dlr.CallbackUrl }, [message], Cancellation);

        Assert.Equal(SendOutcomeKind.Accepted, Assert.Single(outcomes).Kind);
        // Held by bearerbox while no SMSC is online (its status counts it as queued for sending), not lost.
        var status = await server.GetStatusAsync(Cancellation);
        var queued = System.Text.RegularExpressions.Regex.Match(status, @"SMS: received \d+ \(\d+ queued\), sent \d+ \((\d+) queued\)");
        Assert.True(queued.Success && int.Parse(queued.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, status);
        await server.StartFakeSmscAsync(Cancellation);
        await server.WaitForMessageAsync(m => m.Text == message.Text, Cancellation);
        await dlr.WaitForSubmitAndDeliveryAsync(host.Provider, message.Id, server.LogTail);
    }

    [Fact]
    public async Task SendAsync_SmsboxNotListening_FailsTransientlyForEveryMessage()
    {
        using var host = new KannelTestHost();
        var account = KannelTestData.Account(new Uri($"http://127.0.0.1:{ClosedPort()}/cgi-bin/sendsms"), "rasan", "secret");
        OutgoingMessage[] messages = [KannelTestData.Message("one", account), KannelTestData.Message("two", account)];

        var outcomes = await host.Provider.SendAsync(new ProviderContext(account), messages, Cancellation);

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o =>
        {
            Assert.Equal(SendOutcomeKind.Transient, o.Kind);
            Assert.Equal("connect", o.Code);
            Assert.False(string.IsNullOrEmpty(o.Text));
            Assert.DoesNotContain("secret", o.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SendAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var host = new KannelTestHost();
        var account = KannelTestData.Account(new Uri($"http://127.0.0.1:{ClosedPort()}/cgi-bin/sendsms"), "rasan", "secret");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Provider.SendAsync(new ProviderContext(account), [KannelTestData.Message("x", account), KannelTestData.Message("y", account)], cancelled.Token));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

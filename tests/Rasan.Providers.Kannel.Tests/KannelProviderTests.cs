using Rasan.Testing;
using Xunit;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>The provider against a real Kannel (bearerbox, smsbox and the fake SMSC) shared by the class.</summary>
public sealed class KannelProviderTests(KannelServerFixture fixture) : IClassFixture<KannelServerFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_OneMessage_ReachesHandsetAndReportsSubmittedAndDelivered()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost();
        await using var dlr = DlrListener.Start();
        var account = KannelTestData.Account(server);
        var message = KannelTestData.Message(KannelTestData.UniqueText("Hello from Rasan & co. 100% sure?"), account);

        var outcomes = await host.Provider.SendAsync(Context(account, dlr), [message], Cancellation);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.Null(outcome.ProviderMessageId);
        var received = await server.WaitForMessageAsync(m => m.Text == message.Text, Cancellation);
        Assert.Equal(KannelTestData.Recipient, received.To);
        Assert.Equal(KannelTestData.Sender, received.From);
        Assert.Equal("text", received.Type);
        var (submitted, delivered) = await dlr.WaitForSubmitAndDeliveryAsync(host.Provider, message.Id, server.LogTail);
        Assert.Equal("dlr 8", submitted.ProviderStatus);
        Assert.Null(submitted.ProviderMessageId);
        Assert.Equal("dlr 1", delivered.ProviderStatus);
        Assert.False(string.IsNullOrEmpty(delivered.ProviderMessageId));
        Assert.InRange(delivered.At, TimeProvider.System.GetUtcNow().AddMinutes(-1), TimeProvider.System.GetUtcNow().AddMinutes(1));
    }

    [Fact]
    public async Task SendAsync_PersianText_ReachesHandsetAsUcs2()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost();
        await using var dlr = DlrListener.Start();
        var account = KannelTestData.Account(server);
        var message = KannelTestData.Message(KannelTestData.UniqueText("سلام، پیام آزمایشی رسان"), account);

        var outcomes = await host.Provider.SendAsync(Context(account, dlr), [message], Cancellation);

        Assert.Equal(SendOutcomeKind.Accepted, Assert.Single(outcomes).Kind);
        var received = await server.WaitForMessageAsync(m => m.Text == message.Text, Cancellation);
        Assert.Equal("ucs-2", received.Type);
        await dlr.WaitForSubmitAndDeliveryAsync(host.Provider, message.Id, server.LogTail);
    }

    [Fact]
    public async Task SendAsync_Batch_DeliversEachWithItsOwnReports()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost(o => o.MaxConcurrentRequests = 3);
        await using var dlr = DlrListener.Start();
        var account = KannelTestData.Account(server);
        var batch = KannelTestData.UniqueText("batch");
        OutgoingMessage[] messages =
        [
            .. Enumerable.Range(1, 6).Select(i => KannelTestData.Message($"{batch} #{i}", account, to: $"+98912123450{i}")),
        ];

        var outcomes = await host.Provider.SendAsync(Context(account, dlr), messages, Cancellation);

        Assert.Equal(messages.Length, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        var received = await server.WaitForMessagesAsync(m => m.Text.StartsWith(batch, StringComparison.Ordinal), messages.Length, Cancellation);
        Assert.Equal(messages.Select(m => (m.To, m.Text)).Order(), received.Select(m => (m.To, m.Text)).Order());
        foreach (var message in messages)
        {
            var (submitted, delivered) = await dlr.WaitForSubmitAndDeliveryAsync(host.Provider, message.Id, server.LogTail);
            Assert.Equal(message.Id, submitted.MessageId);
            Assert.Equal(message.Id, delivered.MessageId);
        }
    }

    [Fact]
    public async Task SendAsync_WrongPassword_FailsPermanentlyWith403()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost();
        var account = KannelTestData.Account(server, password: "not-the-password");
        var message = KannelTestData.Message(KannelTestData.UniqueText("wrong password"), account);

        var outcomes = await host.Provider.SendAsync(new ProviderContext(account), [message], Cancellation);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("403", outcome.Code);
        Assert.Equal("Authorization failed for sendsms", outcome.Text);
    }

    [Fact]
    public async Task SendAsync_EmptyRecipient_FailsPermanentlyWith400AndKannelText()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost();
        var account = KannelTestData.Account(server);
        var message = KannelTestData.Message(KannelTestData.UniqueText("nobody"), account, to: string.Empty);

        var outcomes = await host.Provider.SendAsync(new ProviderContext(account), [message], Cancellation);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("400", outcome.Code);
        Assert.Equal("Empty receiver number not allowed, rejected", outcome.Text);
    }

    [Fact]
    public async Task SendAsync_NoCallbackUrl_SendsNoDlrUrlAndStillDelivers()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost();
        var account = KannelTestData.Account(server);
        var message = KannelTestData.Message(KannelTestData.UniqueText("no reports"), account);

        var outcomes = await host.Provider.SendAsync(new ProviderContext(account), [message], Cancellation);

        Assert.Equal(SendOutcomeKind.Accepted, Assert.Single(outcomes).Kind);
        var query = host.SingleRequestQuery();
        Assert.DoesNotContain("dlr-url", query.Keys);
        Assert.DoesNotContain("dlr-mask", query.Keys);
        await server.WaitForMessageAsync(m => m.Text == message.Text, Cancellation);
    }

    [Fact]
    public async Task SendAsync_NoCallbackUrlSameText_SendsOneRequestToEveryRecipientAndEachArrives()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost();
        var account = KannelTestData.Account(server);
        var text = KannelTestData.UniqueText("shared");
        var other = KannelTestData.UniqueText("other");
        OutgoingMessage[] messages =
        [
            KannelTestData.Message(text, account) with { To = "+989121110001" },
            KannelTestData.Message(text, account) with { To = "+989121110002" },
            KannelTestData.Message(other, account) with { To = "+989121110003" },
            KannelTestData.Message(text, account) with { To = "+989121110004" },
        ];

        var outcomes = await host.Provider.SendAsync(new ProviderContext(account), messages, Cancellation);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        Assert.Equal(2, host.Requests.Count);
        var shared = await server.WaitForMessagesAsync(m => m.Text == text, 3, Cancellation);
        Assert.Equal(["+989121110001", "+989121110002", "+989121110004"], shared.Select(m => m.To).Order());
        await server.WaitForMessageAsync(m => m.Text == other, Cancellation);
    }

    [Fact]
    public async Task SendAsync_NoSender_KannelUsesItsGlobalSender()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost();
        var account = KannelTestData.Account(server, sender: null);
        var message = KannelTestData.Message(KannelTestData.UniqueText("no sender"), account);

        var outcomes = await host.Provider.SendAsync(new ProviderContext(account), [message], Cancellation);

        Assert.Equal(SendOutcomeKind.Accepted, Assert.Single(outcomes).Kind);
        Assert.DoesNotContain("from", host.SingleRequestQuery().Keys);
        var received = await server.WaitForMessageAsync(m => m.Text == message.Text, Cancellation);
        Assert.Equal(KannelServer.GlobalSender, received.From);
    }

    [Fact]
    public async Task SendAsync_CallbackUrlWithPercentEscapes_ReachesTheHubUnchanged()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost();
        await using var dlr = DlrListener.Start();
        var account = KannelTestData.Account(server);
        var message = KannelTestData.Message(KannelTestData.UniqueText("escapes"), account);

        // %C3, %A9 and %2F start like Kannel's escapes %C (charset), %A (reply) and %F (foreign id).
        var context = new ProviderContext(account)
        {
            CallbackUrl = id => new Uri($"http://127.0.0.1:{dlr.Port}/cb?mid={id}&sig=%C3%A9%2F%2B%25"),
        };
        var outcomes = await host.Provider.SendAsync(context, [message], Cancellation);

        Assert.Equal(SendOutcomeKind.Accepted, Assert.Single(outcomes).Kind);
        await dlr.WaitForSubmitAndDeliveryAsync(host.Provider, message.Id, server.LogTail);
        Assert.All(
            dlr.Received.Where(c => c.Query.GetValueOrDefault("mid") == message.Id.ToString()),
            c => Assert.Equal("é/+%", c.Query["sig"]));
    }

    [Fact]
    public async Task SendAsync_LongText_ArrivesInConcatenatedParts()
    {
        var server = fixture.Server;
        using var host = new KannelTestHost();
        var account = KannelTestData.Account(server);
        var marker = KannelTestData.UniqueText("long");
        var message = KannelTestData.Message(marker + " " + string.Concat(Enumerable.Range(0, 40).Select(i => $"word{i:00} ")) + "end", account);

        var outcomes = await host.Provider.SendAsync(new ProviderContext(account), [message], Cancellation);

        Assert.Equal(SendOutcomeKind.Accepted, Assert.Single(outcomes).Kind);
        var first = await server.WaitForMessageAsync(m => m.Part is not null && m.Text.StartsWith(marker, StringComparison.Ordinal), Cancellation);
        var (reference, count, _) = first.Part!.Value;
        var parts = await server.WaitForMessagesAsync(m => m.Part is { } p && p.Reference == reference && p.Count == count, count, Cancellation);
        Assert.Equal(3, count);
        Assert.Equal(message.Text, string.Concat(parts.OrderBy(p => p.Part!.Value.Sequence).Select(p => p.Text)));
    }

    private static ProviderContext Context(ProviderAccount account, DlrListener dlr)
        => new(account) { CallbackUrl = dlr.CallbackUrl };
}

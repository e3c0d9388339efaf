using Rasan.Providers;
using Xunit;

namespace Rasan.Testing.Providers;

public abstract partial class MessageProviderConformanceTests<TFake>
{
    [Fact]
    public async Task PollAsync_DeliveredAndFailedMessages_MapsEachToItsState()
    {
        if (Capability<IDeliveryStatusPoller>(SupportsDeliveryPolling) is not { } poller)
        {
            return;
        }

        Assert.InRange(poller.MaxPollBatchSize, 1, int.MaxValue);
        var account = Fake.CreateAccount();
        var delivered = Message(account, 0);
        var failed = Message(account, 1);
        var outcomes = await SendAsync(account, delivered, failed);
        Fake.ScriptDelivery(delivered.To, DeliveryState.Delivered);
        Fake.ScriptDelivery(failed.To, DeliveryState.Failed);
        var now = DateTimeOffset.UtcNow;
        SentMessage[] sent =
        [
            new(delivered.Id, outcomes[0].ProviderMessageId, delivered.To, now),
            new(failed.Id, outcomes[1].ProviderMessageId, failed.To, now),
        ];

        var reports = await poller.PollAsync(new ProviderContext(account), sent, Ct);

        var deliveredReport = Assert.Single(reports, r => r.ProviderMessageId == outcomes[0].ProviderMessageId);
        var failedReport = Assert.Single(reports, r => r.ProviderMessageId == outcomes[1].ProviderMessageId);
        Assert.Equal(DeliveryState.Delivered, deliveredReport.State);
        Assert.Equal(DeliveryState.Failed, failedReport.State);
        Assert.True(deliveredReport.MessageId is null || deliveredReport.MessageId == delivered.Id, "A report names its own message.");
        Assert.True(failedReport.MessageId is null || failedReport.MessageId == failed.Id, "A report names its own message.");
        Assert.False(string.IsNullOrWhiteSpace(deliveredReport.ProviderStatus), "The provider's own status is kept.");
    }

    [Fact]
    public async Task PollAsync_IdTheProviderDoesNotKnow_IsNotReported()
    {
        if (Capability<IDeliveryStatusPoller>(SupportsDeliveryPolling) is not { } poller)
        {
            return;
        }

        var account = Fake.CreateAccount();
        SentMessage unknown = new(MessageId.New(DateTimeOffset.UtcNow), UnknownProviderMessageId, Recipient(0), DateTimeOffset.UtcNow);

        var reports = await poller.PollAsync(new ProviderContext(account), [unknown], Ct);

        Assert.DoesNotContain(reports, r => r.State != DeliveryState.Pending);
    }

    [Fact]
    public async Task GetAccountInfoAsync_ValidAccount_ReportsBalanceAndExpiry()
    {
        if (Capability<IAccountInfoProvider>(SupportsAccountInfo) is not { } info)
        {
            return;
        }

        var actual = await info.GetAccountInfoAsync(new ProviderContext(Fake.CreateAccount()), Ct);

        Assert.Equal(Fake.AccountInfo, actual);
    }
}

using Rasan.Providers;
using Rasan.Storage;
using Xunit;

namespace Rasan.Testing;

public abstract partial class MessageStoreConformanceTests
{
    [Fact]
    public async Task GetDueForPollingAsync_SentMessages_ReturnsDueOnesOldestPollFirst()
    {
        var later = await SendAsync(Start, "p-1", nextPollAt: Start.AddMinutes(3));
        var sooner = await SendAsync(Start.AddSeconds(1), "p-2", nextPollAt: Start.AddMinutes(2));
        await SendAsync(Start.AddSeconds(2), "p-3", nextPollAt: Start.AddMinutes(30));
        await SendAsync(Start.AddSeconds(3), "p-4");

        var due = await Store.GetDueForPollingAsync(Start.AddMinutes(3), 10, Ct);

        Assert.Equal([sooner.Id, later.Id], due.Select(d => d.Message.Id));
        Assert.Equal(_account, due[0].AccountId);
        Assert.Equal("p-2", due[0].Message.ProviderMessageId);
        Assert.Equal("+989121234567", due[0].Message.To);
        Assert.Equal(Start.AddSeconds(2), due[0].Message.SentAt);
        Assert.Single(await Store.GetDueForPollingAsync(Start.AddMinutes(3), 1, Ct));
    }

    [Fact]
    public async Task ReschedulePollAsync_LaterOrNull_MovesOrStopsPolling()
    {
        var a = await SendAsync(Start, "p-1", nextPollAt: Start.AddMinutes(1));
        var b = await SendAsync(Start.AddSeconds(1), "p-2", nextPollAt: Start.AddMinutes(1));

        await Store.ReschedulePollAsync([a.Id], Start.AddMinutes(10), Ct);
        await Store.ReschedulePollAsync([b.Id], null, Ct);

        Assert.Empty(await Store.GetDueForPollingAsync(Start.AddMinutes(9), 10, Ct));
        Assert.Equal([a.Id], (await Store.GetDueForPollingAsync(Start.AddMinutes(10), 10, Ct)).Select(d => d.Message.Id));
    }

    [Fact]
    public async Task ApplyDeliveryReportsAsync_DeliveredById_MovesToDeliveredAndStopsPolling()
    {
        var sent = await SendAsync(Start, "p-1", nextPollAt: Start.AddMinutes(1));

        var result = await Store.ApplyDeliveryReportsAsync(
            [Report(_account, DeliveryState.Delivered, Start.AddSeconds(30), id: sent.Id, providerStatus: "DELIVRD")], Ct);

        Assert.Equal(new DeliveryApplyResult(1, 0, 0), result);
        var info = await Store.GetMessageAsync(_service, sent.Id, Ct);
        Assert.Equal(MessageStatus.Delivered, info!.Status);
        Assert.Equal(new MessageEvent(MessageStatus.Delivered, Start.AddSeconds(30), "DELIVRD"), info.Events[^1]);
        Assert.Empty(await Store.GetDueForPollingAsync(Start.AddHours(1), 10, Ct));
    }

    [Fact]
    public async Task ApplyDeliveryReportsAsync_ByProviderId_MatchesOnlyWithinTheAccount()
    {
        var sent = await SendAsync(Start, "p-77");
        var otherAccount = AccountId.New(Start.AddDays(1));

        var result = await Store.ApplyDeliveryReportsAsync(
            [
                Report(otherAccount, DeliveryState.Failed, Start.AddSeconds(5), providerId: "p-77", providerStatus: "UNDELIV"),
                Report(_account, DeliveryState.Failed, Start.AddSeconds(6), providerId: "p-77", providerStatus: "UNDELIV"),
            ],
            Ct);

        Assert.Equal(new DeliveryApplyResult(1, 0, 1), result);
        Assert.Equal(MessageStatus.Failed, await StatusOfAsync(sent.Id));
    }

    [Fact]
    public async Task ApplyDeliveryReportsAsync_ByIdThroughAnotherAccount_IsUnmatchedAndChangesNothing()
    {
        var sent = await SendAsync(Start, "p-78");
        var otherAccount = AccountId.New(Start.AddDays(1));

        var result = await Store.ApplyDeliveryReportsAsync(
            [Report(otherAccount, DeliveryState.Delivered, Start.AddSeconds(30), id: sent.Id, providerStatus: "DELIVRD")], Ct);

        Assert.Equal(new DeliveryApplyResult(0, 0, 1), result);
        Assert.Equal(MessageStatus.Sent, (await Store.GetMessageAsync(_service, sent.Id, Ct))!.Status);
    }

    [Fact]
    public async Task ApplyDeliveryReportsAsync_FinalReportRepeated_CountsDuplicateAndKeepsOneEvent()
    {
        var sent = await SendAsync(Start, "p-1");
        var report = Report(_account, DeliveryState.Delivered, Start.AddSeconds(30), id: sent.Id, providerStatus: "DELIVRD");

        await Store.ApplyDeliveryReportsAsync([report], Ct);
        var again = await Store.ApplyDeliveryReportsAsync([report], Ct);

        Assert.Equal(new DeliveryApplyResult(0, 1, 0), again);
        var info = await Store.GetMessageAsync(_service, sent.Id, Ct);
        Assert.Single(info!.Events, e => e.Status == MessageStatus.Delivered);
    }

    [Fact]
    public async Task ApplyDeliveryReportsAsync_IntermediateOrOtherFinalAfterFinal_NeverOverwritesFinal()
    {
        var sent = await SendAsync(Start, "p-1");
        await Store.ApplyDeliveryReportsAsync([Report(_account, DeliveryState.Delivered, Start.AddSeconds(30), id: sent.Id)], Ct);

        var result = await Store.ApplyDeliveryReportsAsync(
            [
                Report(_account, DeliveryState.Pending, Start.AddSeconds(20), id: sent.Id, providerStatus: "ENROUTE"),
                Report(_account, DeliveryState.Failed, Start.AddSeconds(40), id: sent.Id, providerStatus: "UNDELIV"),
            ],
            Ct);

        Assert.Equal(new DeliveryApplyResult(0, 2, 0), result);
        var info = await Store.GetMessageAsync(_service, sent.Id, Ct);
        Assert.Equal(MessageStatus.Delivered, info!.Status);
        Assert.Equal(3, info.Events.Count);
    }

    [Fact]
    public async Task ApplyDeliveryReportsAsync_PendingStates_RecordsEachDistinctStateOnce()
    {
        var sent = await SendAsync(Start, "p-1", nextPollAt: Start.AddMinutes(1));

        var result = await Store.ApplyDeliveryReportsAsync(
            [
                Report(_account, DeliveryState.Pending, Start.AddSeconds(10), id: sent.Id, providerStatus: "ACCEPTD"),
                Report(_account, DeliveryState.Pending, Start.AddSeconds(11), id: sent.Id, providerStatus: "ACCEPTD"),
                Report(_account, DeliveryState.Pending, Start.AddSeconds(12), providerId: "p-1", providerStatus: "ENROUTE"),
            ],
            Ct);
        var later = await Store.ApplyDeliveryReportsAsync(
            [Report(_account, DeliveryState.Pending, Start.AddSeconds(13), id: sent.Id, providerStatus: "ENROUTE")], Ct);

        Assert.Equal(new DeliveryApplyResult(2, 1, 0), result);
        Assert.Equal(new DeliveryApplyResult(0, 1, 0), later);
        var info = await Store.GetMessageAsync(_service, sent.Id, Ct);
        Assert.Equal(MessageStatus.Sent, info!.Status);
        Assert.Equal(
            [
                new MessageEvent(MessageStatus.Queued, Start, "accepted"),
                new MessageEvent(MessageStatus.Sent, Start.AddSeconds(1), "sent"),
                new MessageEvent(MessageStatus.Sent, Start.AddSeconds(10), "ACCEPTD"),
                new MessageEvent(MessageStatus.Sent, Start.AddSeconds(12), "ENROUTE"),
            ],
            info.Events);
        Assert.Single(await Store.GetDueForPollingAsync(Start.AddMinutes(1), 10, Ct));
    }

    [Fact]
    public async Task ApplyDeliveryReportsAsync_NotYetSentOrUnknown_IsUnmatched()
    {
        var sending = await AcceptAndClaimAsync(Start);
        var queued = await AcceptOneAsync(Start.AddSeconds(1));

        var result = await Store.ApplyDeliveryReportsAsync(
            [
                Report(_account, DeliveryState.Delivered, Start.AddSeconds(5), id: queued.Id),
                Report(_account, DeliveryState.Delivered, Start.AddSeconds(5), id: sending.Id),
                Report(_account, DeliveryState.Delivered, Start.AddSeconds(5), id: MessageId.New(Start)),
                Report(_account, DeliveryState.Delivered, Start.AddSeconds(5), providerId: "nobody"),
            ],
            Ct);

        Assert.Equal(new DeliveryApplyResult(0, 0, 4), result);
        Assert.Equal(MessageStatus.Sending, await StatusOfAsync(sending.Id));
    }

    [Fact]
    public async Task ApplyDeliveryReportsAsync_EarlyReportsAppliedAgainOnceSent_AreRecordedOnceAndEndDelivered()
    {
        var sending = await AcceptAndClaimAsync(Start);
        DeliveryUpdate[] early =
        [
            Report(_account, DeliveryState.Pending, Start.AddSeconds(2), id: sending.Id, providerStatus: "ACK"),
            Report(_account, DeliveryState.Delivered, Start.AddSeconds(3), id: sending.Id, providerStatus: "DELIVRD"),
        ];

        var before = await Store.ApplyDeliveryReportsAsync(early, Ct);
        Assert.Equal(1, await Store.CompleteAsync([Sent(sending, Start.AddSeconds(1), "p-early")], Ct));
        var after = await Store.ApplyDeliveryReportsAsync(early, Ct);
        var again = await Store.ApplyDeliveryReportsAsync(early, Ct);

        Assert.Equal(new DeliveryApplyResult(0, 0, 2), before);
        Assert.Equal(new DeliveryApplyResult(2, 0, 0), after);
        Assert.Equal(new DeliveryApplyResult(0, 2, 0), again);
        var info = await Store.GetMessageAsync(_service, sending.Id, Ct);
        Assert.Equal(MessageStatus.Delivered, info!.Status);
        Assert.Equal(
            [
                new MessageEvent(MessageStatus.Queued, Start, "accepted"),
                new MessageEvent(MessageStatus.Sent, Start.AddSeconds(1), "sent"),
                new MessageEvent(MessageStatus.Sent, Start.AddSeconds(2), "ACK"),
                new MessageEvent(MessageStatus.Delivered, Start.AddSeconds(3), "DELIVRD"),
            ],
            info.Events);
    }
}

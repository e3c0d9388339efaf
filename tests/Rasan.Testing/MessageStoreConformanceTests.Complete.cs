using Rasan.Storage;
using Xunit;

namespace Rasan.Testing;

public abstract partial class MessageStoreConformanceTests
{
    [Fact]
    public async Task CompleteAsync_Sent_UpdatesMessageAndAddsOneEvent()
    {
        var claimed = await AcceptAndClaimAsync(Start);

        var applied = await Store.CompleteAsync([Sent(claimed, Start.AddSeconds(2), "p-1", Start.AddMinutes(1))], Ct);

        Assert.Equal(1, applied);
        var info = await Store.GetMessageAsync(_service, claimed.Id, Ct);
        Assert.NotNull(info);
        Assert.Equal(MessageStatus.Sent, info.Status);
        Assert.Equal("p-1", info.ProviderMessageId);
        Assert.Equal(1, info.Attempts);
        Assert.Equal(Start.AddSeconds(2), info.UpdatedAt);
        Assert.Equal(
            [
                new MessageEvent(MessageStatus.Queued, Start, "accepted"),
                new MessageEvent(MessageStatus.Sent, Start.AddSeconds(2), "sent"),
            ],
            info.Events);
    }

    [Fact]
    public async Task CompleteAsync_StaleOwnerOrVersion_AppliesNothingAndAddsNoEvent()
    {
        var stale = await AcceptAndClaimAsync(Start);
        var current = Assert.Single(await ClaimAsync(Start.Add(Lease)));

        var applied = await Store.CompleteAsync([Sent(stale, Start.Add(Lease).AddSeconds(1), "p-stale")], Ct);
        var otherOwner = await Store.CompleteAsync(
            [Sent(current, Start.Add(Lease).AddSeconds(1), "p-other") with { Owner = "host-b" }], Ct);

        Assert.Equal(0, applied);
        Assert.Equal(0, otherOwner);
        var info = await Store.GetMessageAsync(_service, stale.Id, Ct);
        Assert.Equal(MessageStatus.Sending, info!.Status);
        Assert.Null(info.ProviderMessageId);
        Assert.Single(info.Events);
        Assert.Equal(1, await Store.CompleteAsync([Sent(current, Start.Add(Lease).AddSeconds(2), "p-2")], Ct));
    }

    [Fact]
    public async Task CompleteAsync_SecondWriteWithSameLease_IsFencedOff()
    {
        var claimed = await AcceptAndClaimAsync(Start);
        await Store.CompleteAsync([Sent(claimed, Start.AddSeconds(1), "p-1")], Ct);

        var failed = new MessageTransition
        {
            Id = claimed.Id, Owner = "host-a", LeaseVersion = claimed.LeaseVersion, Status = MessageStatus.Failed,
            At = Start.AddSeconds(2), Detail = "late",
        };
        var applied = await Store.CompleteAsync([failed], Ct);

        Assert.Equal(0, applied);
        Assert.Equal(MessageStatus.Sent, await StatusOfAsync(claimed.Id));
    }

    [Fact]
    public async Task CompleteAsync_RetryLater_NotClaimableUntilDueThenCountsTheAttempt()
    {
        var claimed = await AcceptAndClaimAsync(Start);
        var retry = new MessageTransition
        {
            Id = claimed.Id, Owner = "host-a", LeaseVersion = claimed.LeaseVersion, Status = MessageStatus.Queued,
            At = Start.AddSeconds(1), DueAt = Start.AddMinutes(5), Attempted = true, ErrorCode = "503", ErrorText = "busy",
            Detail = "retry: 503 busy",
        };

        Assert.Equal(1, await Store.CompleteAsync([retry], Ct));

        Assert.Empty(await ClaimAsync(Start.AddMinutes(5).AddTicks(-1)));
        var again = Assert.Single(await ClaimAsync(Start.AddMinutes(5)));
        Assert.Equal(1, again.Attempts);
        Assert.Equal(claimed.LeaseVersion + 1, again.LeaseVersion);
        var info = await Store.GetMessageAsync(_service, claimed.Id, Ct);
        Assert.Equal("503", info!.ErrorCode);
        Assert.Equal("busy", info.ErrorText);
        Assert.Equal(new MessageEvent(MessageStatus.Queued, Start.AddSeconds(1), "retry: 503 busy"), info.Events[^1]);

        var sent = new MessageTransition
        {
            Id = again.Id, Owner = "host-a", LeaseVersion = again.LeaseVersion, Status = MessageStatus.Sent,
            At = Start.AddMinutes(6), Attempted = true, ProviderMessageId = "p-9", Detail = "sent",
        };
        Assert.Equal(1, await Store.CompleteAsync([sent], Ct));
        info = await Store.GetMessageAsync(_service, claimed.Id, Ct);
        Assert.Equal((MessageStatus.Sent, 2, (string?)null, (string?)null), (info!.Status, info.Attempts, info.ErrorCode, info.ErrorText));
    }

    [Fact]
    public async Task CompleteAsync_WithoutEvent_ChangesStatusButNotHistory()
    {
        var claimed = await AcceptAndClaimAsync(Start);
        var deferral = new MessageTransition
        {
            Id = claimed.Id, Owner = "host-a", LeaseVersion = claimed.LeaseVersion, Status = MessageStatus.Queued,
            At = Start.AddSeconds(1), DueAt = Start.AddSeconds(10), RecordEvent = false,
        };

        Assert.Equal(1, await Store.CompleteAsync([deferral], Ct));

        var info = await Store.GetMessageAsync(_service, claimed.Id, Ct);
        Assert.Equal(MessageStatus.Queued, info!.Status);
        Assert.Equal(0, info.Attempts);
        Assert.Single(info.Events);
    }

    [Fact]
    public async Task CompleteAsync_PermanentFailure_KeepsProviderCodeAndText()
    {
        var claimed = await AcceptAndClaimAsync(Start);
        var failed = new MessageTransition
        {
            Id = claimed.Id, Owner = "host-a", LeaseVersion = claimed.LeaseVersion, Status = MessageStatus.Failed,
            At = Start.AddSeconds(1), Attempted = true, ErrorCode = "411", ErrorText = "invalid recipient", Detail = "411 invalid recipient",
        };

        Assert.Equal(1, await Store.CompleteAsync([failed], Ct));

        var info = await Store.GetMessageAsync(_service, claimed.Id, Ct);
        Assert.Equal(MessageStatus.Failed, info!.Status);
        Assert.Equal("411", info.ErrorCode);
        Assert.Equal("invalid recipient", info.ErrorText);
        Assert.Empty(await ClaimAsync(Start.AddHours(1)));
    }

    [Fact]
    public async Task CompleteAsync_MixedBatch_CountsOnlyTheWritesThatHoldTheLease()
    {
        var a = await AcceptAndClaimAsync(Start);
        var b = await AcceptAndClaimAsync(Start.AddSeconds(1));
        var stale = Sent(b, Start.AddSeconds(2), "p-b") with { LeaseVersion = b.LeaseVersion + 5 };

        var applied = await Store.CompleteAsync([Sent(a, Start.AddSeconds(2), "p-a"), stale], Ct);

        Assert.Equal(1, applied);
        Assert.Equal(MessageStatus.Sent, await StatusOfAsync(a.Id));
        Assert.Equal(MessageStatus.Sending, await StatusOfAsync(b.Id));
    }
}

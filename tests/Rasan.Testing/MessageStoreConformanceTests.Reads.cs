using Rasan.Storage;
using Xunit;

namespace Rasan.Testing;

public abstract partial class MessageStoreConformanceTests
{
    [Fact]
    public async Task CancelAsync_QueuedOrScheduled_CancelsAndRecordsEvent()
    {
        var queued = await AcceptOneAsync(Start);
        var scheduled = await AcceptOneAsync(Start.AddSeconds(1), sendAt: Start.AddHours(1));

        Assert.Equal(CancelResult.Cancelled, await Store.CancelAsync(_service, queued.Id, Start.AddSeconds(2), Ct));
        Assert.Equal(CancelResult.Cancelled, await Store.CancelAsync(_service, scheduled.Id, Start.AddSeconds(3), Ct));

        var info = await Store.GetMessageAsync(_service, queued.Id, Ct);
        Assert.Equal(MessageStatus.Cancelled, info!.Status);
        Assert.Equal(MessageStatus.Cancelled, info.Events[^1].Status);
        Assert.Equal(Start.AddSeconds(2), info.Events[^1].At);
        Assert.Empty(await ClaimAsync(Start.AddHours(2)));
    }

    [Fact]
    public async Task CancelAsync_SendingSentOrFinal_IsTooLate()
    {
        var sending = await AcceptAndClaimAsync(Start);
        var sent = await SendAsync(Start.AddSeconds(1), "p-1");
        var cancelled = await AcceptOneAsync(Start.AddSeconds(2), sendAt: Start.AddHours(1));
        await Store.CancelAsync(_service, cancelled.Id, Start.AddSeconds(3), Ct);

        Assert.Equal(CancelResult.TooLate, await Store.CancelAsync(_service, sending.Id, Start.AddSeconds(4), Ct));
        Assert.Equal(CancelResult.TooLate, await Store.CancelAsync(_service, sent.Id, Start.AddSeconds(4), Ct));
        Assert.Equal(CancelResult.TooLate, await Store.CancelAsync(_service, cancelled.Id, Start.AddSeconds(4), Ct));
        Assert.Equal(MessageStatus.Sending, await StatusOfAsync(sending.Id));
    }

    [Fact]
    public async Task CancelAsync_OtherServicesOrUnknownMessage_IsNotFound()
    {
        var queued = await AcceptOneAsync(Start);

        Assert.Equal(CancelResult.NotFound, await Store.CancelAsync(_otherService, queued.Id, Start, Ct));
        Assert.Equal(CancelResult.NotFound, await Store.CancelAsync(_service, MessageId.New(Start), Start, Ct));
        Assert.Equal(MessageStatus.Queued, await StatusOfAsync(queued.Id));
    }

    [Fact]
    public async Task Reads_OtherServicesIds_AreNotFound()
    {
        var request = Req(_service, Start, "k", Msg(Start, tags: ["otp"]));
        await Store.AcceptAsync([request], Ct);
        var id = request.Messages[0].Id;

        Assert.Null(await Store.GetMessageAsync(_otherService, id, Ct));
        Assert.Null(await Store.GetRequestAsync(_otherService, request.Id, Ct));
        Assert.Empty(await Store.GetStatusesAsync(_otherService, [id], Ct));
        Assert.Empty((await Store.SearchAsync(_otherService, new MessageQuery(), Ct)).Items);
        Assert.Empty((await Store.SearchAsync(_otherService, new MessageQuery { Tag = "otp" }, Ct)).Items);
    }

    [Fact]
    public async Task GetMessageAsync_FullLifecycle_ReturnsFieldsAndHistoryOldestFirst()
    {
        var message = Msg(Start, sendAt: Start.AddMinutes(1), expiresAt: Start.AddHours(1), tags: ["otp", "login"]);
        await Store.AcceptAsync([Req(_service, Start, null, message)], Ct);
        var claimed = Assert.Single(await ClaimAsync(Start.AddMinutes(1)));
        await Store.CompleteAsync([Sent(claimed, Start.AddMinutes(1).AddSeconds(1), "p-1")], Ct);
        await Store.ApplyDeliveryReportsAsync(
            [Report(_account, Rasan.Providers.DeliveryState.Delivered, Start.AddMinutes(2), id: message.Id, providerStatus: "DELIVRD")], Ct);

        var info = await Store.GetMessageAsync(_service, message.Id, Ct);

        Assert.NotNull(info);
        Assert.Equal(Channel.Sms, info.Channel);
        Assert.Equal("dev", info.Account);
        Assert.Equal(Start, info.CreatedAt);
        Assert.Equal(Start.AddMinutes(1), info.SendAt);
        Assert.Equal(Start.AddHours(1), info.ExpiresAt);
        Assert.Equal(["otp", "login"], info.Tags);
        Assert.Equal(Start.AddMinutes(2), info.UpdatedAt);
        Assert.Equal(
            [
                new MessageEvent(MessageStatus.Scheduled, Start, "accepted"),
                new MessageEvent(MessageStatus.Sent, Start.AddMinutes(1).AddSeconds(1), "sent"),
                new MessageEvent(MessageStatus.Delivered, Start.AddMinutes(2), "DELIVRD"),
            ],
            info.Events);
    }

    [Fact]
    public async Task GetRequestAsync_ManyMessages_ReturnsThemInRequestOrderWithCurrentStatus()
    {
        var messages = Enumerable.Range(0, 5).Select(i => Msg(Start.AddSeconds(5 - i), to: $"+{i}")).ToArray();
        var request = Req(_service, Start, null, messages);
        await Store.AcceptAsync([request], Ct);
        await Store.CancelAsync(_service, messages[2].Id, Start.AddSeconds(1), Ct);

        var info = await Store.GetRequestAsync(_service, request.Id, Ct);

        Assert.NotNull(info);
        Assert.Equal(messages.Select(m => m.Id), info.Messages.Select(m => m.Id));
        Assert.Equal(MessageStatus.Cancelled, info.Messages[2].Status);
        Assert.All(info.Messages, m => Assert.Empty(m.Events));
        Assert.All(info.Messages, m => Assert.Equal(request.Id, m.RequestId));
    }

    [Fact]
    public async Task GetStatusesAsync_SomeUnknown_ReturnsFoundOnesInTheOrderGiven()
    {
        var a = await AcceptOneAsync(Start);
        var b = await AcceptOneAsync(Start.AddSeconds(1), sendAt: Start.AddHours(1));

        var statuses = await Store.GetStatusesAsync(_service, [b.Id, MessageId.New(Start), a.Id], Ct);

        Assert.Equal(
            [new MessageReceipt(b.Id, b.To, MessageStatus.Scheduled), new MessageReceipt(a.Id, a.To, MessageStatus.Queued)],
            statuses);
    }

    [Fact]
    public async Task SearchAsync_EachFilter_MatchesOnlyItsMessages()
    {
        var otp = Msg(Start, to: "+1", text: "Your code is 1234", tags: ["otp", "login"]);
        var promo = Msg(Start.AddSeconds(1), to: "+2", text: "Big sale today", tags: ["promo"]);
        var late = Msg(Start.AddMinutes(10), to: "+1", text: "code reminder", tags: ["otp2"]);
        await Store.AcceptAsync(
            [Req(_service, Start, null, otp, promo), Req(_service, Start.AddMinutes(10), null, late), Req(_otherService, Start, null, Msg(Start, to: "+1"))],
            Ct);
        await Store.CancelAsync(_service, promo.Id, Start.AddMinutes(1), Ct);

        async Task<MessageId[]> Search(MessageQuery query)
            => [.. (await Store.SearchAsync(_service, query, Ct)).Items.Select(i => i.Id)];

        Assert.Equal([late.Id, otp.Id], await Search(new MessageQuery { To = "+1" }));
        Assert.Equal([promo.Id], await Search(new MessageQuery { Status = MessageStatus.Cancelled }));
        Assert.Equal([otp.Id], await Search(new MessageQuery { Tag = "otp" }));
        Assert.Equal([late.Id, otp.Id], await Search(new MessageQuery { Text = "code" }));
        Assert.Empty(await Search(new MessageQuery { Text = "CODE" }));
        Assert.Equal([late.Id], await Search(new MessageQuery { From = Start.AddMinutes(10) }));
        Assert.Equal([otp.Id], await Search(new MessageQuery { Until = Start.AddMinutes(10), To = "+1" }));
        Assert.Equal([late.Id, promo.Id, otp.Id], await Search(new MessageQuery()));
        Assert.All((await Store.SearchAsync(_service, new MessageQuery(), Ct)).Items, i => Assert.Empty(i.Events));
    }

    [Fact]
    public async Task SearchAsync_KeysetPaging_WalksEveryPageNewestFirst()
    {
        var messages = Enumerable.Range(0, 8).Select(i => Msg(Start.AddSeconds(i), to: $"+{i}")).ToArray();
        await Store.AcceptAsync([Req(_service, Start, null, messages[..6]), Req(_service, Start.AddSeconds(6), null, messages[6..])], Ct);
        var seen = new List<MessageId>();
        var sizes = new List<int>();
        var pages = 0;
        MessageId? after = null;

        do
        {
            var page = await Store.SearchAsync(_service, new MessageQuery { Limit = 3, After = after }, Ct);
            seen.AddRange(page.Items.Select(i => i.Id));
            sizes.Add(page.Items.Count);
            after = page.Next;
            pages++;
            Assert.True(pages <= 4);
        }
        while (after is not null);

        Assert.Equal(messages.Select(m => m.Id).Reverse(), seen);
        Assert.Equal([3, 3, 2], sizes);

        var full = await Store.SearchAsync(_service, new MessageQuery { Limit = 4 }, Ct);
        var rest = await Store.SearchAsync(_service, new MessageQuery { Limit = 4, After = full.Next }, Ct);
        var empty = await Store.SearchAsync(_service, new MessageQuery { Limit = 4, After = rest.Next }, Ct);
        Assert.Equal(messages[4].Id, full.Next);
        Assert.Equal(messages[0].Id, rest.Next);
        Assert.Empty(empty.Items);
        Assert.Null(empty.Next);
    }

    [Fact]
    public async Task SearchAsync_LimitOutOfRange_IsClamped()
    {
        var messages = Enumerable.Range(0, 3).Select(i => Msg(Start.AddSeconds(i))).ToArray();
        await Store.AcceptAsync([Req(_service, Start, null, messages)], Ct);

        var tiny = await Store.SearchAsync(_service, new MessageQuery { Limit = 0 }, Ct);
        var huge = await Store.SearchAsync(_service, new MessageQuery { Limit = 100_000 }, Ct);

        Assert.Equal([messages[2].Id], tiny.Items.Select(i => i.Id));
        Assert.Equal(messages[2].Id, tiny.Next);
        Assert.Equal(3, huge.Items.Count);
        Assert.Null(huge.Next);
    }
}

using Rasan.Storage;
using Xunit;

namespace Rasan.Testing;

public abstract partial class MessageStoreConformanceTests
{
    [Fact]
    public async Task AcceptAsync_SeveralRequests_StoresEveryRequestWhole()
    {
        var first = Req(_service, Start, "k1", Msg(Start, to: "+1"), Msg(Start, to: "+2"));
        var second = Req(_service, Start, null, Msg(Start, to: "+3"));
        var third = Req(_otherService, Start, "k1", Msg(Start, to: "+4"));

        var results = await Store.AcceptAsync([first, second, third], Ct);

        Assert.Equal([AcceptResult.Stored, AcceptResult.Stored, AcceptResult.Stored], results);
        var request = await Store.GetRequestAsync(_service, first.Id, Ct);
        Assert.NotNull(request);
        Assert.Equal("k1", request.IdempotencyKey);
        Assert.Equal(Start, request.CreatedAt);
        Assert.Equal(["+1", "+2"], request.Messages.Select(m => m.To));
        Assert.NotNull(await Store.GetMessageAsync(_service, second.Messages[0].Id, Ct));
        Assert.NotNull(await Store.GetMessageAsync(_otherService, third.Messages[0].Id, Ct));
    }

    [Fact]
    public async Task AcceptAsync_NonAsciiTextAndEveryOption_ReadBackExactly()
    {
        var at = Start.AddTicks(1_234_567);
        const string text = "کد ورود شما ۱۲۳۴۵ است 🙂\nsecond line «quoted» end";
        var message = Msg(
            at, to: "+989351112233", text: text, priority: MessagePriority.High, sendAt: at.AddHours(1), expiresAt: at.AddHours(2),
            tags: ["ورود", "otp"]);
        var request = Req(_service, at, "کلید-1", message);

        Assert.Equal([AcceptResult.Stored], await Store.AcceptAsync([request], Ct));

        var info = await Store.GetMessageAsync(_service, message.Id, Ct);
        Assert.NotNull(info);
        Assert.Equal(request.Id, info.RequestId);
        Assert.Equal("+989351112233", info.To);
        Assert.Equal(text, info.Text);
        Assert.Equal(MessagePriority.High, info.Priority);
        Assert.Equal(MessageStatus.Scheduled, info.Status);
        Assert.Equal(at, info.CreatedAt);
        Assert.Equal(at.AddHours(1), info.SendAt);
        Assert.Equal(at.AddHours(2), info.ExpiresAt);
        Assert.Equal(["ورود", "otp"], info.Tags);
        var stored = await Store.FindRequestAsync(_service, "کلید-1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(request.Fingerprint, stored.Fingerprint);
    }

    [Fact]
    public async Task AcceptAsync_EmptyAccountName_ReadsBackEmptyNotNull()
    {
        var message = Msg(Start) with { AccountName = "" };

        await Store.AcceptAsync([Req(_service, Start, null, message)], Ct);

        var info = await Store.GetMessageAsync(_service, message.Id, Ct);
        Assert.NotNull(info);
        Assert.Equal("", info.Account);
    }

    [Fact]
    public async Task AcceptAsync_ConcurrentCallers_StoreEveryRequest()
    {
        var requests = Enumerable.Range(0, 16)
            .Select(i => Req(_service, Start, i % 2 == 0 ? $"concurrent-{i}" : null, Msg(Start, to: $"+98912000{i:D4}")))
            .ToArray();

        var results = await Task.WhenAll(requests.Select(r => Task.Run(() => Store.AcceptAsync([r], Ct), Ct)));

        Assert.All(results, r => Assert.Equal(AcceptResult.Stored, Assert.Single(r)));
        foreach (var request in requests)
        {
            var stored = await Store.GetRequestAsync(_service, request.Id, Ct);
            Assert.NotNull(stored);
            Assert.Equal(request.Messages[0].To, Assert.Single(stored.Messages).To);
        }
    }

    [Fact]
    public async Task AcceptAsync_KeyReplayedAfterChanges_ReturnsExistingWithAcceptedReceipts()
    {
        var original = Req(_service, Start, "order-7", Msg(Start, to: "+1"), Msg(Start, to: "+2", sendAt: Start.AddHours(1)));
        await Store.AcceptAsync([original], Ct);
        await ClaimAsync(Start.AddSeconds(1));

        var replay = Req(_service, Start.AddMinutes(1), "order-7", Msg(Start.AddMinutes(1), to: "+9"));
        var first = Assert.Single(await Store.AcceptAsync([replay], Ct)).Existing;
        var second = Assert.Single(await Store.AcceptAsync([replay], Ct)).Existing;

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(original.Id, first.Id);
        Assert.Equal(original.Fingerprint, first.Fingerprint);
        Assert.Equal(
            [
                new MessageReceipt(original.Messages[0].Id, "+1", MessageStatus.Queued),
                new MessageReceipt(original.Messages[1].Id, "+2", MessageStatus.Scheduled),
            ],
            first.Messages);
        Assert.Equal(first.Messages, second.Messages);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Null(await Store.GetRequestAsync(_service, replay.Id, Ct));
        Assert.Null(await Store.GetMessageAsync(_service, replay.Messages[0].Id, Ct));
    }

    [Fact]
    public async Task AcceptAsync_SameKeyTwiceInOneBatch_SecondGetsFirstAsExisting()
    {
        var first = Req(_service, Start, "dup", Msg(Start, to: "+1"));
        var second = Req(_service, Start, "dup", Msg(Start, to: "+2"));

        var results = await Store.AcceptAsync([first, second], Ct);

        Assert.Equal(AcceptResult.Stored, results[0]);
        var existing = results[1].Existing;
        Assert.NotNull(existing);
        Assert.Equal(first.Id, existing.Id);
        Assert.Equal([new MessageReceipt(first.Messages[0].Id, "+1", MessageStatus.Queued)], existing.Messages);
        Assert.Null(await Store.GetMessageAsync(_service, second.Messages[0].Id, Ct));
    }

    [Fact]
    public async Task AcceptAsync_SameKeyInDifferentServices_StoresBoth()
    {
        var mine = Req(_service, Start, "shared", Msg(Start));
        var theirs = Req(_otherService, Start, "shared", Msg(Start));

        await Store.AcceptAsync([mine], Ct);
        var results = await Store.AcceptAsync([theirs], Ct);

        Assert.Equal(AcceptResult.Stored, Assert.Single(results));
        Assert.NotNull(await Store.GetRequestAsync(_otherService, theirs.Id, Ct));
    }

    [Fact]
    public async Task FindRequestAsync_ByKey_FindsOnlyWithinTheService()
    {
        var request = Req(_service, Start, "find-me", Msg(Start), Msg(Start));
        await Store.AcceptAsync([request], Ct);

        var found = await Store.FindRequestAsync(_service, "find-me", Ct);

        Assert.Equal(request.Id, found!.Id);
        Assert.Equal(request.Fingerprint, found.Fingerprint);
        Assert.Equal(request.Messages.Select(m => m.Id), found.Messages.Select(m => m.Id));
        Assert.Null(await Store.FindRequestAsync(_otherService, "find-me", Ct));
        Assert.Null(await Store.FindRequestAsync(_service, "other-key", Ct));
    }

    [Fact]
    public async Task AcceptAsync_ExistingKeyInBatch_StoresTheOtherRequests()
    {
        await Store.AcceptAsync([Req(_service, Start, "taken", Msg(Start))], Ct);
        var repeat = Req(_service, Start.AddSeconds(1), "taken", Msg(Start.AddSeconds(1)));
        var fresh = Req(_service, Start.AddSeconds(1), "free", Msg(Start.AddSeconds(1)));

        var results = await Store.AcceptAsync([repeat, fresh], Ct);

        Assert.NotNull(results[0].Existing);
        Assert.Equal(AcceptResult.Stored, results[1]);
        Assert.NotNull(await Store.GetRequestAsync(_service, fresh.Id, Ct));
        Assert.Null(await Store.GetRequestAsync(_service, repeat.Id, Ct));
    }
}

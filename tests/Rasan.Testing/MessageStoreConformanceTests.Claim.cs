using System.Collections.Concurrent;
using Rasan.Storage;
using Xunit;

namespace Rasan.Testing;

public abstract partial class MessageStoreConformanceTests
{
    [Fact]
    public async Task ClaimAsync_MixedPriorities_ClaimsHighestPriorityThenEarliestDue()
    {
        var lowEarly = await AcceptOneAsync(Start, MessagePriority.Low);
        var normalLate = await AcceptOneAsync(Start.AddSeconds(2));
        var normalEarly = await AcceptOneAsync(Start.AddSeconds(1));
        var high = await AcceptOneAsync(Start.AddSeconds(3), MessagePriority.High);

        var claimed = await ClaimAsync(Start.AddSeconds(10));

        Assert.Equal([high.Id, normalEarly.Id, normalLate.Id, lowEarly.Id], claimed.Select(c => c.Id));
    }

    [Fact]
    public async Task ClaimAsync_Limit_ReturnsAtMostLimitInOrder()
    {
        for (var i = 0; i < 5; i++)
        {
            await AcceptOneAsync(Start.AddSeconds(i));
        }

        var first = await ClaimAsync(Start.AddMinutes(1), limit: 3);
        var rest = await ClaimAsync(Start.AddMinutes(1), limit: 3);

        Assert.Equal(3, first.Count);
        Assert.Equal(2, rest.Count);
        Assert.Empty(first.Select(c => c.Id).Intersect(rest.Select(c => c.Id)));
    }

    [Fact]
    public async Task ClaimAsync_DueMessage_ReturnsItsFieldsAndMarksSending()
    {
        var message = Msg(Start, to: "+98912", text: "code 1234", priority: MessagePriority.High, expiresAt: Start.AddHours(1));
        await Store.AcceptAsync([Req(_service, Start, null, message)], Ct);

        var claimed = Assert.Single(await ClaimAsync(Start));

        Assert.Equal(message.Id, claimed.Id);
        Assert.Equal(_service, claimed.ServiceId);
        Assert.Equal(_account, claimed.AccountId);
        Assert.Equal("+98912", claimed.To);
        Assert.Equal("code 1234", claimed.Text);
        Assert.Equal(MessagePriority.High, claimed.Priority);
        Assert.Equal(Start.AddHours(1), claimed.ExpiresAt);
        Assert.Equal(0, claimed.Attempts);
        Assert.Equal(1, claimed.LeaseVersion);
        Assert.Equal(MessageStatus.Sending, await StatusOfAsync(message.Id));
    }

    [Fact]
    public async Task ClaimAsync_MessageWithProviderOptions_ReturnsThemAndTheAwaitedTime()
    {
        var options = new Dictionary<string, string> { ["messageType"] = "Verification", ["replyTo"] = "ab12\"x\u0648" };
        var withOptions = Msg(Start) with { ProviderOptions = options, OutcomeAwaitedUntil = Start.AddSeconds(18) };
        var plain = Msg(Start.AddTicks(1));
        await Store.AcceptAsync([Req(_service, Start, null, withOptions, plain)], Ct);

        var claimed = (await ClaimAsync(Start.AddSeconds(1))).ToDictionary(c => c.Id);
        var info = await Store.GetMessageAsync(_service, withOptions.Id, Ct);

        Assert.Equal(options, claimed[withOptions.Id].ProviderOptions);
        Assert.Equal(Start.AddSeconds(18), claimed[withOptions.Id].OutcomeAwaitedUntil);
        Assert.Empty(claimed[plain.Id].ProviderOptions);
        Assert.Null(claimed[plain.Id].OutcomeAwaitedUntil);
        Assert.Equal(options, info!.ProviderOptions);
        Assert.Empty((await Store.GetMessageAsync(_service, plain.Id, Ct))!.ProviderOptions);
    }

    [Fact]
    public async Task CompleteAsync_HeldAsScheduled_IsClaimedAgainOnlyWhenDueWithoutAnAttempt()
    {
        var claimed = await AcceptAndClaimAsync(Start);
        var held = new MessageTransition
        {
            Id = claimed.Id,
            Owner = "host-a",
            LeaseVersion = claimed.LeaseVersion,
            Status = MessageStatus.Scheduled,
            At = Start,
            DueAt = Start.AddHours(9),
            Detail = "held",
        };

        Assert.Equal(1, await Store.CompleteAsync([held], Ct));

        Assert.Equal(MessageStatus.Scheduled, await StatusOfAsync(claimed.Id));
        Assert.Empty(await ClaimAsync(Start.AddHours(9).AddTicks(-1)));
        var again = Assert.Single(await ClaimAsync(Start.AddHours(9)));
        Assert.Equal(0, again.Attempts);
    }

    [Fact]
    public async Task ClaimAsync_ScheduledMessage_NotClaimedBeforeItIsDue()
    {
        var scheduled = await AcceptOneAsync(Start, sendAt: Start.AddMinutes(10));
        Assert.Equal(MessageStatus.Scheduled, await StatusOfAsync(scheduled.Id));

        Assert.Empty(await ClaimAsync(Start.AddMinutes(10).AddTicks(-1)));
        var claimed = Assert.Single(await ClaimAsync(Start.AddMinutes(10)));

        Assert.Equal(scheduled.Id, claimed.Id);
    }

    [Fact]
    public async Task ClaimAsync_LeaseEnded_ReclaimedWithHigherVersionButNotBefore()
    {
        var first = await AcceptAndClaimAsync(Start);

        var whileHeld = await ClaimAsync(Start.Add(Lease).AddTicks(-1), owner: "host-b");
        var second = Assert.Single(await ClaimAsync(Start.Add(Lease), owner: "host-b"));

        Assert.Empty(whileHeld);

        Assert.Equal(first.Id, second.Id);
        Assert.True(second.LeaseVersion > first.LeaseVersion);
        Assert.Equal(0, second.Attempts);
    }

    [Fact]
    public async Task ClaimAsync_FourConcurrentClaimers_NeverClaimTheSameMessage()
    {
        var requests = Enumerable.Range(0, 40)
            .Select(r => Req(_service, Start, null, [.. Enumerable.Range(0, 10).Select(i => Msg(Start, to: $"+{r}-{i}"))]))
            .ToArray();
        await Store.AcceptAsync(requests, Ct);
        var claims = new ConcurrentBag<MessageId>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(c => Task.Run(
            async () =>
            {
                while (true)
                {
                    var batch = await ClaimAsync(Start.AddSeconds(1), owner: $"host-{c}", limit: 7);
                    if (batch.Count == 0)
                    {
                        return;
                    }

                    foreach (var message in batch)
                    {
                        claims.Add(message.Id);
                    }
                }
            },
            Ct)));

        Assert.Equal(400, claims.Count);
        Assert.Equal(400, claims.Distinct().Count());
    }

    [Fact]
    public async Task ReleaseAsync_OwnersLeases_DueAgainAtOnceWithoutAnAttempt()
    {
        var mine = await AcceptAndClaimAsync(Start, owner: "host-a");
        var theirs = await AcceptAndClaimAsync(Start.AddSeconds(1), owner: "host-b");

        var released = await Store.ReleaseAsync("host-a", Start.AddSeconds(5), Ct);

        Assert.Equal(1, released);
        Assert.Equal(MessageStatus.Queued, await StatusOfAsync(mine.Id));
        Assert.Equal(MessageStatus.Sending, await StatusOfAsync(theirs.Id));
        Assert.Empty(await ClaimAsync(Start.AddSeconds(5).AddTicks(-1), owner: "host-c"));
        var again = Assert.Single(await ClaimAsync(Start.AddSeconds(5), owner: "host-c"));
        Assert.Equal(mine.Id, again.Id);
        Assert.Equal(0, again.Attempts);
        Assert.True(again.LeaseVersion > mine.LeaseVersion);
    }
}

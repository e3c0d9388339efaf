using Rasan.Providers;
using Rasan.Auditing;
using Rasan.Storage;
using Xunit;

namespace Rasan.Testing;

/// <summary>
/// The semantics every <see cref="IMessageStore"/> and <see cref="ITenancyStore"/> must have. Derive once per store
/// and return a fresh, empty pair from <see cref="CreateStoresAsync"/>; every test gets its own pair.
/// </summary>
public abstract partial class MessageStoreConformanceTests : IAsyncLifetime
{
    /// <summary>The fixed time every test starts at; tests move time by arithmetic, never by waiting.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly ServiceId _service = ServiceId.New(Start);
    private readonly ServiceId _otherService = ServiceId.New(Start.AddSeconds(1));
    private readonly AccountId _account = AccountId.New(Start);
    private StoreSet? _stores;

    /// <summary>Creates a fresh, empty pair of stores.</summary>
    /// <returns>The stores.</returns>
    protected abstract Task<StoreSet> CreateStoresAsync();

    private IMessageStore Store => _stores!.Messages;

    private ITenancyStore Tenancy => _stores!.Tenancy;

    private IApiCallStore ApiCalls => _stores!.ApiCalls;

    private IAuditStore Audit => _stores!.Audit;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync() => _stores = await CreateStoresAsync();

    /// <inheritdoc />
    /// <remarks>The stores belong to whoever created them (a database fixture's service provider), not to the test.</remarks>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private NewMessage Msg(
        DateTimeOffset createdAt,
        string to = "+989121234567",
        string text = "hello",
        MessagePriority priority = MessagePriority.Normal,
        DateTimeOffset? sendAt = null,
        DateTimeOffset? expiresAt = null,
        IReadOnlyList<string>? tags = null)
        => new()
        {
            Id = MessageId.New(createdAt),
            Channel = Channel.Sms,
            To = to,
            Text = text,
            AccountId = _account,
            AccountName = "dev",
            Priority = priority,
            Status = sendAt > createdAt ? MessageStatus.Scheduled : MessageStatus.Queued,
            SendAt = sendAt,
            ExpiresAt = expiresAt,
            DueAt = sendAt > createdAt ? sendAt.Value : createdAt,
            Tags = tags ?? [],
        };

    private static NewRequest Req(ServiceId service, DateTimeOffset createdAt, string? key, params NewMessage[] messages)
        => new()
        {
            Id = RequestId.New(createdAt),
            ServiceId = service,
            CreatedAt = createdAt,
            IdempotencyKey = key,
            Fingerprint = key is null ? null : [1, 2, 3, (byte)key.Length],
            Messages = messages,
        };

    private async Task<NewMessage> AcceptOneAsync(
        DateTimeOffset at, MessagePriority priority = MessagePriority.Normal, DateTimeOffset? sendAt = null, string text = "hello")
    {
        var message = Msg(at, priority: priority, sendAt: sendAt, text: text);
        var results = await Store.AcceptAsync([Req(_service, at, null, message)], Ct);
        Assert.Equal(AcceptResult.Stored, Assert.Single(results));
        return message;
    }

    private Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(DateTimeOffset now, string owner = "host-a", int limit = 100)
        => Store.ClaimAsync(new ClaimOptions { Owner = owner, Now = now, LeaseDuration = Lease, Limit = limit }, Ct);

    private async Task<ClaimedMessage> AcceptAndClaimAsync(DateTimeOffset at, string owner = "host-a")
    {
        var message = await AcceptOneAsync(at);
        var claimed = Assert.Single(await ClaimAsync(at, owner));
        Assert.Equal(message.Id, claimed.Id);
        return claimed;
    }

    private async Task<ClaimedMessage> SendAsync(DateTimeOffset at, string providerId, DateTimeOffset? nextPollAt = null)
    {
        var claimed = await AcceptAndClaimAsync(at);
        var applied = await Store.CompleteAsync([Sent(claimed, at.AddSeconds(1), providerId, nextPollAt)], Ct);
        Assert.Equal(1, applied);
        return claimed;
    }

    private static MessageTransition Sent(ClaimedMessage claimed, DateTimeOffset at, string providerId, DateTimeOffset? nextPollAt = null)
        => new()
        {
            Id = claimed.Id,
            Owner = "host-a",
            LeaseVersion = claimed.LeaseVersion,
            Status = MessageStatus.Sent,
            At = at,
            Attempted = true,
            ProviderMessageId = providerId,
            Cost = 1.5m,
            NextPollAt = nextPollAt,
            Detail = "sent",
        };

    private static DeliveryUpdate Report(
        AccountId account, DeliveryState state, DateTimeOffset at, MessageId? id = null, string? providerId = null, string? providerStatus = null)
        => new(account, new DeliveryReport
        {
            MessageId = id,
            ProviderMessageId = providerId,
            State = state,
            ProviderStatus = providerStatus,
            At = at,
        });

    private async Task<MessageStatus> StatusOfAsync(MessageId id)
        => (await Store.GetMessageAsync(_service, id, Ct))!.Status;
}

using Rasan.Providers;
using Rasan.Storage;

namespace Rasan.Dispatch;

/// <summary>Turns what happened to a claimed message into its fenced status write.</summary>
internal static class TransitionFactory
{
    public static MessageTransition Sent(ClaimedMessage message, string owner, SendOutcome outcome, DateTimeOffset now, DateTimeOffset? nextPollAt)
        => Base(message, owner, MessageStatus.Sent, now) with
        {
            Attempted = true,
            ProviderMessageId = outcome.ProviderMessageId,
            Cost = outcome.Cost,
            NextPollAt = nextPollAt,
            Detail = outcome.ProviderMessageId is null ? "sent" : $"sent as {outcome.ProviderMessageId}",
        };

    public static MessageTransition Failed(ClaimedMessage message, string owner, string code, string? text, DateTimeOffset now, bool attempted)
        => Base(message, owner, MessageStatus.Failed, now) with
        {
            Attempted = attempted,
            ErrorCode = code,
            ErrorText = text,
            Detail = $"failed: {code}{(text is null ? string.Empty : " " + text)}",
        };

    public static MessageTransition Retry(ClaimedMessage message, string owner, string code, string? text, DateTimeOffset now, DateTimeOffset dueAt)
        => Base(message, owner, MessageStatus.Queued, now) with
        {
            Attempted = true,
            DueAt = dueAt,
            ErrorCode = code,
            ErrorText = text,
            Detail = $"attempt {message.Attempts + 1} failed ({code}{(text is null ? string.Empty : " " + text)}); retry at {dueAt:O}",
        };

    public static MessageTransition Expired(ClaimedMessage message, string owner, DateTimeOffset now)
        => Base(message, owner, MessageStatus.Expired, now) with { Detail = "expired before it could be sent" };

    /// <summary>Gives a claimed message back untouched, due again at <paramref name="dueAt"/> (rate limit, open breaker).</summary>
    public static MessageTransition Deferred(ClaimedMessage message, string owner, DateTimeOffset now, DateTimeOffset dueAt)
        => Base(message, owner, MessageStatus.Queued, now) with { DueAt = dueAt, RecordEvent = false };

    public static MessageTransition Held(ClaimedMessage message, string owner, DateTimeOffset now, DateTimeOffset notBefore)
        => Base(message, owner, MessageStatus.Scheduled, now) with
        {
            DueAt = notBefore,
            Detail = $"held until {notBefore:O}: the provider may not send it before then",
        };

    private static MessageTransition Base(ClaimedMessage message, string owner, MessageStatus status, DateTimeOffset now) => new()
    {
        Id = message.Id,
        Owner = owner,
        LeaseVersion = message.LeaseVersion,
        Status = status,
        At = now,
    };
}

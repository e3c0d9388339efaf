using System.Globalization;
using Rasan.Providers.FanapPlus.Json;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Chooses a call's shape and builds its body with every message signed (providers/fanapplus.md §3–4). Each message
/// carries its Rasan id as a tag (<c>rasan:</c> and 32 hex digits; FanapPlus echoes tags in its delivery reports), and
/// its own <c>ReplyTo</c> and <c>DeliveryDeadline</c> when it has them.
/// </summary>
internal static class FanapPlusCallBuilder
{
    /// <summary>
    /// The shape for a call: one message → single; several with one message type, priority and expiry → broadcast when
    /// they share the text, else batch; several that differ in message type, priority or expiry → the single shape with
    /// many elements.
    /// </summary>
    /// <param name="drafts">The call's messages, at least one.</param>
    /// <returns>The shape.</returns>
    public static FanapPlusShape ShapeOf(IReadOnlyList<FanapPlusDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 1)
        {
            return FanapPlusShape.Single;
        }

        var first = drafts[0];
        for (var i = 1; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            if (draft.Message.Priority != first.Message.Priority
                || draft.Message.ExpiresAt != first.Message.ExpiresAt
                || !string.Equals(draft.Options.MessageType, first.Options.MessageType, StringComparison.Ordinal))
            {
                return FanapPlusShape.Single;
            }
        }

        for (var i = 1; i < drafts.Count; i++)
        {
            if (!string.Equals(drafts[i].Message.Text, first.Message.Text, StringComparison.Ordinal))
            {
                return FanapPlusShape.Batch;
            }
        }

        return FanapPlusShape.Broadcast;
    }

    /// <summary>Builds the body of one call.</summary>
    /// <param name="account">The account's settings.</param>
    /// <param name="key">The account's signing key.</param>
    /// <param name="drafts">The call's messages, at least one.</param>
    /// <param name="shape">The shape (<see cref="ShapeOf"/>).</param>
    /// <param name="now">The request's <c>Date</c>.</param>
    /// <param name="syncDeliveryTimeout">How long FanapPlus should wait for the delivery outcomes, in milliseconds (<see cref="FanapPlusSyncWait"/>).</param>
    /// <returns>The body.</returns>
    public static FanapPlusRequest Build(
        FanapPlusAccount account,
        FanapPlusSigningKey key,
        IReadOnlyList<FanapPlusDraft> drafts,
        FanapPlusShape shape,
        DateTimeOffset now,
        int? syncDeliveryTimeout)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(drafts);
        var uid = FanapPlusUid.For(account.Sid, drafts.Select(d => d.Message.Id));
        var date = FanapPlusDates.Write(now);
        var shared = shape != FanapPlusShape.Single;
        var signatureText = new FanapPlusSignatureText();
        var messages = new FanapPlusRequestMessage[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var message = draft.Message;
            var byPhone = account.Target == FanapPlusTarget.Phone;
            var signedAccountId = byPhone
                ? account.SignedAccountId == FanapPlusSignedAccountId.PhoneNumber ? draft.Recipient : null
                : draft.Recipient;
            var signed = signatureText.Build(
                account.SignatureOrder,
                new FanapPlusSignedValues(date, uid, account.Sid, account.ChannelType, draft.Options.MessageType, signedAccountId, message.Text));
            messages[i] = new FanapPlusRequestMessage
            {
                Sid = shared ? null : account.Sid,
                AccountId = byPhone ? null : draft.Recipient,
                UserPhoneNumber = byPhone ? draft.Recipient : null,
                Content = shape == FanapPlusShape.Broadcast ? null : message.Text,
                MessageType = shared ? null : draft.Options.MessageType,
                ChannelType = shared ? null : account.ChannelType,
                Priority = shared ? null : PriorityOf(message.Priority),
                ExpirationTime = shared ? null : TimeOf(message.ExpiresAt),
                ReplyTo = draft.Options.ReplyTo,
                DeliveryDeadline = TimeOf(draft.Options.DeliveryDeadline),
                Tags = [TagOf(message.Id)],
                Signature = key.Sign(signed),
            };
        }

        var first = drafts[0];
        return new FanapPlusRequest
        {
            Uid = uid,
            Date = date,
            AppId = account.AppId,
            Sid = shared ? account.Sid : null,
            MessageType = shared ? first.Options.MessageType : null,
            ChannelType = shared ? account.ChannelType : null,
            Priority = shared ? PriorityOf(first.Message.Priority) : null,
            Content = shape == FanapPlusShape.Broadcast ? first.Message.Text : null,
            ExpirationTime = shared ? TimeOf(first.Message.ExpiresAt) : null,
            SyncDeliveryTimeout = syncDeliveryTimeout?.ToString(CultureInfo.InvariantCulture),
            Messages = messages,
        };
    }

    /// <summary>The tag that carries a message's Rasan id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>Such as <c>rasan:0194d1c27a107cc38a556f4e2d1b0c9a</c>.</returns>
    public static string TagOf(MessageId id) => FanapPlusDefaults.MessageTagPrefix + id.Value.ToString("N");

    /// <summary>Rasan's priority as FanapPlus names it.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns><c>Low</c>, <c>Normal</c> or <c>High</c>.</returns>
    public static string PriorityOf(MessagePriority priority) => priority switch
    {
        MessagePriority.Low => "Low",
        MessagePriority.High => "High",
        _ => "Normal",
    };

    private static string? TimeOf(DateTimeOffset? instant) => instant is { } at ? FanapPlusDates.Write(at) : null;
}

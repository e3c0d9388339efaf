using System.Diagnostics.CodeAnalysis;
using Rasan.Providers.FanapPlus.Json;
using Rasan.Telemetry;

namespace Rasan.Providers.FanapPlus;

internal sealed partial class FanapPlusProvider
{
    /// <summary>
    /// Sends in calls of at most <see cref="FanapPlusOptions.MaxBatchSize"/>, each in the shape
    /// <see cref="FanapPlusCallBuilder.ShapeOf"/> picks, every message signed with the account's key (imported once).
    /// A call asks FanapPlus to wait for delivery outcomes while a sender waits for one of its messages
    /// (<see cref="FanapPlusSyncWait"/>). A message with a recipient FanapPlus cannot take, an empty text or options
    /// its account does not allow fails at once and is left out of the call; an account whose settings or key are
    /// unusable fails every message permanently without a call.
    /// </summary>
    public async Task<IReadOnlyList<SendOutcome>> SendAsync(
        ProviderContext context, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(messages);
        var outcomes = new SendOutcome[messages.Count];
        if (messages.Count == 0)
        {
            return outcomes;
        }

        if (!TryPrepareAccount(context.Account, out var account, out var key, out var unusable))
        {
            Array.Fill(outcomes, unusable);
            return outcomes;
        }

        var drafts = new List<FanapPlusDraft>(messages.Count);
        for (var index = 0; index < messages.Count; index++)
        {
            if (TryPrepare(context.Account.Name, account, messages[index], index, out var draft, out var refusal))
            {
                drafts.Add(draft);
            }
            else
            {
                outcomes[index] = refusal;
            }
        }

        foreach (var call in drafts.Chunk(_options.MaxBatchSize))
        {
            var results = await SendCallAsync(context, account, key, call, cancellationToken);
            for (var position = 0; position < call.Length; position++)
            {
                outcomes[call[position].Index] = results[position];
            }
        }

        return outcomes;
    }

    private bool TryPrepareAccount(
        ProviderAccount provided,
        [NotNullWhen(true)] out FanapPlusAccount? account,
        [NotNullWhen(true)] out FanapPlusSigningKey? key,
        [NotNullWhen(false)] out SendOutcome? unusable)
    {
        key = null;
        var errors = new ValidationErrors();
        account = FanapPlusAccount.Read(provided, _options.SignatureFieldOrder, errors);
        if (account is null)
        {
            logger.AccountUnusable(provided.Name, errors.ToString());
            unusable = SendOutcome.Permanent(FanapPlusErrors.InvalidAccount, errors.ToString());
            return false;
        }

        var problem = keys.TryGet(provided, out key);
        if (problem != FanapPlusKeyProblem.None || key is null)
        {
            unusable = SendOutcome.Permanent(FanapPlusErrors.InvalidPrivateKey, FanapPlusKeyReader.Describe(problem, provided.Name).Message);
            return false;
        }

        unusable = null;
        return true;
    }

    private bool TryPrepare(
        string accountName,
        FanapPlusAccount account,
        OutgoingMessage message,
        int index,
        [NotNullWhen(true)] out FanapPlusDraft? draft,
        [NotNullWhen(false)] out SendOutcome? refusal)
    {
        draft = null;
        var recipient = account.Target == FanapPlusTarget.Phone
            ? FanapPlusRecipient.ToNational(message.To)
            : string.IsNullOrWhiteSpace(message.To) ? null : message.To.Trim();
        if (recipient is null)
        {
            refusal = SendOutcome.Permanent(FanapPlusErrors.InvalidRecipient, account.Target == FanapPlusTarget.Phone
                ? "FanapPlus sends by UserPhoneNumber to Iranian mobile numbers (+989…) only."
                : "FanapPlus needs the subscriber's AccountId as the recipient.");
        }
        else if (string.IsNullOrEmpty(message.Text))
        {
            refusal = SendOutcome.Permanent(FanapPlusErrors.EmptyMessage, "FanapPlus does not send an empty text.");
        }
        else
        {
            // Checked again: the options were checked against the account when the message was accepted, and the
            // account may have changed since (an account moved to Mtn needs replyTo on every message).
            var errors = new ValidationErrors();
            if (FanapPlusMessageOptions.Read(accountName, account.ChannelType, account.MessageType, message.ProviderOptions, now: null, errors) is { } options)
            {
                draft = new FanapPlusDraft(index, message, recipient, options);
                refusal = null;
                return true;
            }

            refusal = SendOutcome.Permanent(FanapPlusErrors.InvalidOptions, errors.ToString());
        }

        logger.MessageRefused(message.Id, new MaskedPhone(message.To), refusal.Code ?? string.Empty);
        return false;
    }

    private async Task<SendOutcome[]> SendCallAsync(
        ProviderContext context, FanapPlusAccount account, FanapPlusSigningKey key, FanapPlusDraft[] call, CancellationToken cancellationToken)
    {
        var shape = FanapPlusCallBuilder.ShapeOf(call);
        var now = time.GetUtcNow();
        var body = FanapPlusCallBuilder.Build(account, key, call, shape, now, FanapPlusSyncWait.For(call, now, _options.Timeout));
        logger.CallPrepared(context.Account.Name, shape, call.Length, body.Uid);
        var response = await client.PostAsync(body, cancellationToken);
        if (!response.Succeeded(out var reply, out var failure))
        {
            logger.SendFailed(shape, context.Account.Name, call.Length, failure.Code, failure.Text);
            return [.. call.Select(_ => failure)];
        }

        var outcomes = new SendOutcome[call.Length];
        for (var position = 0; position < call.Length; position++)
        {
            outcomes[position] = OutcomeOf(context, reply, call[position], position);
        }

        return outcomes;
    }

    /// <summary>The message at <paramref name="position"/> gets the Muid (and Details entry) at the same position.</summary>
    private SendOutcome OutcomeOf(ProviderContext context, FanapPlusReply reply, FanapPlusDraft draft, int position)
    {
        var recipient = new MaskedPhone(draft.Message.To);
        if (reply.Muids is not { } muids || position >= muids.Count || muids[position] is not { Length: > 0 } muid)
        {
            logger.MuidMissing(context.Account.Name, draft.Message.Id, recipient);
            return SendOutcome.Transient(FanapPlusErrors.MissingMuid, "FanapPlus's answer had no Muid for this message.");
        }

        var detail = reply.Details is { } details && position < details.Count ? details[position] : null;
        var outcome = FanapPlusErrors.Accepted(muid, detail, _deliveryStatuses);
        if (outcome.Kind != SendOutcomeKind.Accepted)
        {
            logger.MessageRejected(draft.Message.Id, recipient, outcome.Code, outcome.Text);
            return outcome;
        }

        logger.MessageAccepted(draft.Message.Id, recipient, muid, reply.Puid!);
        if (outcome.Delivery is { } state)
        {
            logger.DeliveryReported(draft.Message.Id, outcome.DeliveryStatus!, state);
        }
        else if (detail?.Status is { Length: > 0 } status)
        {
            logger.DeliveryStatusUnknown(draft.Message.Id, status, detail.Code);
        }

        return outcome;
    }
}

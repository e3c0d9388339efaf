using System.Diagnostics.CodeAnalysis;
using Rasan.Providers.Ghasedak.Json;
using Rasan.Telemetry;

namespace Rasan.Providers.Ghasedak;

internal sealed partial class GhasedakProvider
{
    private const string SingleMethod = "SendSingleSMS";
    private const string BulkMethod = "SendBulkSMS";
    private const string PairMethod = "SendPairToPairSMS";

    /// <summary>
    /// Sends in calls of at most <see cref="GhasedakOptions.MaxBatchSize"/>: one message through <c>SendSingleSMS</c>;
    /// several through <c>SendPairToPairSMS</c> (or, when <see cref="GhasedakOptions.UseBulkForSameText"/> is set and
    /// they share text and line, <c>SendBulkSMS</c>). A message without a line, with a recipient that is not an Iranian
    /// mobile or with an empty text fails at once and is left out of the call, so it cannot fail the others.
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

        if (!TryGetApiKey(context, out var apiKey))
        {
            Array.Fill(outcomes, SendOutcome.Permanent(GhasedakErrors.MissingApiKey, "The account has no usable Ghasedak API key."));
            return outcomes;
        }

        var drafts = new List<Draft>(messages.Count);
        for (var index = 0; index < messages.Count; index++)
        {
            if (TryPrepare(context, messages[index], index, out var draft, out var refusal))
            {
                drafts.Add(draft);
            }
            else
            {
                outcomes[index] = refusal;
            }
        }

        foreach (var batch in drafts.Chunk(_options.MaxBatchSize))
        {
            var results = batch switch
            {
                [var single] => [await SendSingleAsync(apiKey, context, single, cancellationToken)],
                _ when _options.UseBulkForSameText && SharesTextAndLine(batch) => await SendBulkAsync(apiKey, context, batch, cancellationToken),
                _ => await SendPairAsync(apiKey, context, batch, cancellationToken),
            };
            for (var position = 0; position < batch.Length; position++)
            {
                outcomes[batch[position].Index] = results[position];
            }
        }

        return outcomes;
    }

    private bool TryPrepare(
        ProviderContext context, OutgoingMessage message, int index, [NotNullWhen(true)] out Draft? draft, [NotNullWhen(false)] out SendOutcome? refusal)
    {
        draft = null;
        if (GhasedakLineNumber.Of(context, message) is not { } line)
        {
            refusal = SendOutcome.Permanent(GhasedakErrors.MissingLineNumber, "Ghasedak needs a line number: set the account's sender.");
        }
        else if (GhasedakReceptor.ToNational(message.To) is not { } receptor)
        {
            refusal = SendOutcome.Permanent(GhasedakErrors.InvalidReceptor, "Ghasedak sends to Iranian mobile numbers (+989…) only.");
        }
        else if (string.IsNullOrEmpty(message.Text))
        {
            refusal = SendOutcome.Permanent(GhasedakErrors.EmptyMessage, "Ghasedak does not send an empty text.");
        }
        else
        {
            draft = new Draft(index, message, receptor, line);
            refusal = null;
            return true;
        }

        logger.MessageRefused(message.Id, new MaskedPhone(message.To), refusal.Code ?? string.Empty);
        return false;
    }

    private async Task<SendOutcome> SendSingleAsync(string apiKey, ProviderContext context, Draft draft, CancellationToken cancellationToken)
    {
        var body = new GhasedakSingleSmsRequest
        {
            LineNumber = draft.Line,
            Receptor = draft.Receptor,
            Message = draft.Message.Text,
            ClientReferenceId = draft.Reference,
            Udh = GhasedakText.NeedsConcatenation(draft.Message.Text),
        };
        var response = await client.PostAsync(
            apiKey, SingleMethod, body, GhasedakJsonContext.Default.GhasedakSingleSmsRequest, GhasedakJsonContext.Default.GhasedakReplyGhasedakSentSms, cancellationToken);
        if (!response.Succeeded(out var sent, out var failure))
        {
            logger.SendFailed(SingleMethod, context.Account.Name, 1, failure.Code, failure.Text);
            return failure;
        }

        return Accept(SingleMethod, context, draft, sent.MessageId, sent.Cost);
    }

    private async Task<SendOutcome[]> SendPairAsync(string apiKey, ProviderContext context, Draft[] batch, CancellationToken cancellationToken)
    {
        var body = new GhasedakPairSmsRequest
        {
            Items = [.. batch.Select(d => new GhasedakPairSmsItem { LineNumber = d.Line, Receptor = d.Receptor, Message = d.Message.Text, ClientReferenceId = d.Reference })],
            Udh = batch.Any(d => GhasedakText.NeedsConcatenation(d.Message.Text)),
        };
        var response = await client.PostAsync(
            apiKey, PairMethod, body, GhasedakJsonContext.Default.GhasedakPairSmsRequest, GhasedakJsonContext.Default.GhasedakReplyGhasedakPairSmsResult, cancellationToken);
        if (!response.Succeeded(out var result, out var failure))
        {
            logger.SendFailed(PairMethod, context.Account.Name, batch.Length, failure.Code, failure.Text);
            return [.. batch.Select(_ => failure)];
        }

        var matcher = new GhasedakResultMatcher<GhasedakSentSms>(result.Items ?? [], static s => s.ClientReferenceId, static s => s.Receptor);
        return [.. batch.Select((draft, position) => matcher.Take(position, draft.Reference, draft.Receptor) is { } sent
            ? Accept(PairMethod, context, draft, sent.MessageId, sent.Cost)
            : Missing(PairMethod, context, draft))];
    }

    private async Task<SendOutcome[]> SendBulkAsync(string apiKey, ProviderContext context, Draft[] batch, CancellationToken cancellationToken)
    {
        var text = batch[0].Message.Text;
        var body = new GhasedakBulkSmsRequest
        {
            LineNumber = batch[0].Line,
            Receptors = [.. batch.Select(d => d.Receptor)],
            Message = text,
            ClientReferenceId = GhasedakReferences.OfBulk(batch.Select(d => d.Message.Id)),
            Udh = GhasedakText.NeedsConcatenation(text),
        };
        var response = await client.PostAsync(
            apiKey, BulkMethod, body, GhasedakJsonContext.Default.GhasedakBulkSmsRequest, GhasedakJsonContext.Default.GhasedakReplyGhasedakBulkSmsResult, cancellationToken);
        if (!response.Succeeded(out var result, out var failure))
        {
            logger.SendFailed(BulkMethod, context.Account.Name, batch.Length, failure.Code, failure.Text);
            return [.. batch.Select(_ => failure)];
        }

        // One cost for the call: each message gets its share.
        var share = result.Cost / batch.Length;
        var matcher = new GhasedakResultMatcher<GhasedakBulkReceptor>(result.Receptors ?? [], static _ => null, static r => r.Receptor);
        return [.. batch.Select((draft, position) => matcher.Take(position, reference: null, draft.Receptor) is { } sent
            ? Accept(BulkMethod, context, draft, sent.MessageId, share)
            : Missing(BulkMethod, context, draft))];
    }

    private SendOutcome Accept(string apiMethod, ProviderContext context, Draft draft, string? providerMessageId, decimal? cost)
    {
        if (providerMessageId is not { Length: > 0 } || !providerMessageId.All(char.IsAsciiDigit))
        {
            return Missing(apiMethod, context, draft);
        }

        logger.MessageAccepted(draft.Message.Id, new MaskedPhone(draft.Message.To), providerMessageId, cost);
        return SendOutcome.Accepted(providerMessageId, cost);
    }

    private SendOutcome Missing(string apiMethod, ProviderContext context, Draft draft)
    {
        logger.ResultMissing(apiMethod, context.Account.Name, draft.Message.Id, new MaskedPhone(draft.Message.To));
        return SendOutcome.Transient(GhasedakErrors.MissingResult, $"Ghasedak's {apiMethod} answer had no message id for this message.");
    }

    private static bool SharesTextAndLine(Draft[] batch)
        => batch.All(d => string.Equals(d.Message.Text, batch[0].Message.Text, StringComparison.Ordinal)
            && string.Equals(d.Line, batch[0].Line, StringComparison.Ordinal));

    /// <summary>A message ready for the gateway.</summary>
    /// <param name="Index">Its position in the dispatcher's batch.</param>
    /// <param name="Message">The message.</param>
    /// <param name="Receptor">Its national receptor.</param>
    /// <param name="Line">The line it goes out on.</param>
    private sealed record Draft(int Index, OutgoingMessage Message, string Receptor, string Line)
    {
        public string Reference { get; } = GhasedakReferences.Of(Message.Id);
    }
}

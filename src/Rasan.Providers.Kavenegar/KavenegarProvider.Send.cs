using System.Globalization;
using System.Text.Json;
using Rasan.Providers.Kavenegar.Json;
using Rasan.Telemetry;

namespace Rasan.Providers.Kavenegar;

internal sealed partial class KavenegarProvider
{
    private const string SendMethod = "sms/send";
    private const string SendArrayMethod = "sms/sendarray";

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

        if (ApiKey(context) is not { } apiKey)
        {
            Array.Fill(outcomes, SendOutcome.Permanent(KavenegarErrors.MissingApiKey, "The account has no Kavenegar API key."));
            return outcomes;
        }

        foreach (var call in PlanCalls(context, messages))
        {
            await SendCallAsync(apiKey, context, messages, call, outcomes, cancellationToken);
        }

        return outcomes;
    }

    /// <summary>
    /// Splits a batch into calls of at most <see cref="KavenegarOptions.MaxBatchSize"/>: one <c>sms/send</c> when every
    /// message has the same text and sender; else one <c>sms/sendarray</c> when every message has a sender (which it
    /// requires); else one <c>sms/send</c> per distinct text and sender.
    /// </summary>
    private List<Call> PlanCalls(ProviderContext context, IReadOnlyList<OutgoingMessage> messages)
    {
        var calls = new List<Call>();
        foreach (var chunk in Enumerable.Range(0, messages.Count).Chunk(_options.MaxBatchSize))
        {
            var first = messages[chunk[0]];
            var sender = SenderOf(context, first);
            if (chunk.All(i => messages[i].Text == first.Text && SenderOf(context, messages[i]) == sender))
            {
                calls.Add(new Call(SendMethod, chunk));
            }
            else if (chunk.All(i => SenderOf(context, messages[i]) is not null))
            {
                calls.Add(new Call(SendArrayMethod, chunk));
            }
            else
            {
                calls.AddRange(chunk
                    .GroupBy(i => (messages[i].Text, Sender: SenderOf(context, messages[i])))
                    .Select(group => new Call(SendMethod, group.ToArray())));
            }
        }

        return calls;
    }

    private async Task SendCallAsync(
        string apiKey, ProviderContext context, IReadOnlyList<OutgoingMessage> messages, Call call, SendOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var form = call.Method == SendMethod ? SendForm(context, messages, call.Indices) : SendArrayForm(context, messages, call.Indices);
        var answer = await client.CallAsync(apiKey, call.Method, form, cancellationToken);
        if (answer.Failure is { } failure)
        {
            logger.SendFailed(call.Method, context.Account.Name, call.Indices.Length, failure.Code, failure.Text);
            foreach (var index in call.Indices)
            {
                outcomes[index] = failure;
            }

            return;
        }

        var entries = ReadEntries(answer.Entries);
        if (entries is null)
        {
            logger.SendFailed(call.Method, context.Account.Name, call.Indices.Length, KavenegarErrors.InvalidResponse, "unreadable entries");
            var unreadable = SendOutcome.Transient(KavenegarErrors.InvalidResponse, "Kavenegar answered 200 but its entries could not be read.");
            foreach (var index in call.Indices)
            {
                outcomes[index] = unreadable;
            }

            return;
        }

        Match(context, messages, call.Indices, entries, outcomes);
    }

    /// <summary>
    /// Gives each message its entry: by position when the answer has one entry per message (Kavenegar's order is the
    /// request's), else the first unused entry for the same number.
    /// </summary>
    private void Match(
        ProviderContext context, IReadOnlyList<OutgoingMessage> messages, int[] indices, List<KavenegarMessageEntry> entries, SendOutcome[] outcomes)
    {
        var byPosition = entries.Count == indices.Length;
        var used = new bool[entries.Count];
        for (var position = 0; position < indices.Length; position++)
        {
            var message = messages[indices[position]];
            var receptor = KavenegarReceptor.FromE164(message.To);
            var found = byPosition ? position : FirstUnused(entries, used, receptor);
            if (found >= 0)
            {
                used[found] = true;
            }

            outcomes[indices[position]] = found < 0 ? MissingEntry(context, message) : ToOutcome(context, message, entries[found]);
        }
    }

    private static int FirstUnused(List<KavenegarMessageEntry> entries, bool[] used, string receptor)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (!used[i] && KavenegarReceptor.SameNumber(entries[i].Receptor, receptor))
            {
                return i;
            }
        }

        return -1;
    }

    private SendOutcome ToOutcome(ProviderContext context, OutgoingMessage message, KavenegarMessageEntry entry)
    {
        if (entry.MessageId > 0)
        {
            logger.MessageAccepted(message.Id, new MaskedPhone(message.To), entry.MessageId, entry.Status);
            return SendOutcome.Accepted(entry.MessageId.ToString(CultureInfo.InvariantCulture), entry.Cost);
        }

        // An entry without an id that carries an error code (seen in sendarray answers) is that message's own refusal.
        return entry.Status >= 400
            ? KavenegarErrors.ToOutcome(entry.Status, entry.StatusText, retryAfter: null)
            : MissingEntry(context, message);
    }

    private SendOutcome MissingEntry(ProviderContext context, OutgoingMessage message)
    {
        logger.EntryMissing(context.Account.Name, message.Id, new MaskedPhone(message.To));
        return SendOutcome.Transient(KavenegarErrors.MissingEntry, "Kavenegar's answer had no entry for this message.");
    }

    private static List<KeyValuePair<string, string>> SendForm(ProviderContext context, IReadOnlyList<OutgoingMessage> messages, int[] indices)
    {
        var first = messages[indices[0]];
        var form = new List<KeyValuePair<string, string>>(4)
        {
            new("receptor", string.Join(',', indices.Select(i => KavenegarReceptor.FromE164(messages[i].To)))),
            new("message", first.Text),
        };
        if (SenderOf(context, first) is { } sender)
        {
            form.Add(new("sender", sender));
        }

        form.Add(new("localid", string.Join(',', indices.Select(i => KavenegarLocalId.Format(messages[i].Id)))));
        return form;
    }

    private static List<KeyValuePair<string, string>> SendArrayForm(ProviderContext context, IReadOnlyList<OutgoingMessage> messages, int[] indices)
    {
        var array = KavenegarJsonContext.Default.StringArray;
        return
        [
            new("receptor", JsonSerializer.Serialize(indices.Select(i => KavenegarReceptor.FromE164(messages[i].To)).ToArray(), array)),
            new("sender", JsonSerializer.Serialize(indices.Select(i => SenderOf(context, messages[i])!).ToArray(), array)),
            new("message", JsonSerializer.Serialize(indices.Select(i => messages[i].Text).ToArray(), array)),
            new("localmessageids", string.Join(',', indices.Select(i => KavenegarLocalId.Format(messages[i].Id)))),
        ];
    }

    private static List<KavenegarMessageEntry>? ReadEntries(JsonElement entries)
    {
        if (entries.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        try
        {
            return entries.Deserialize(KavenegarJsonContext.Default.ListKavenegarMessageEntry);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? SenderOf(ProviderContext context, OutgoingMessage message)
        => string.IsNullOrEmpty(message.Sender) ? context.Account.Sender is { Length: > 0 } sender ? sender : null : message.Sender;

    private sealed record Call(string Method, int[] Indices);
}

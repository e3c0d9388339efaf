using Microsoft.Extensions.Options;
using Rasan.Dispatch;
using Rasan.Phones;
using Rasan.Storage;

namespace Rasan.Accept;

/// <summary>
/// Checks a <see cref="SendRequest"/> and expands it into the messages to store. Every rule of the send API lives
/// here, so the HTTP API, the panel and embedding apps share one code path. Errors are keyed by JSON path.
/// </summary>
internal sealed class SendRequestValidator(
    IOptions<RasanOptions> options,
    PhoneNumberNormalizer phones,
    AccountDirectory accounts,
    ProviderRegistry providers,
    MessageIdGenerator ids)
{
    private const int MaxAddressLength = 320;

    /// <summary>The longest <see cref="SendRequest.AwaitOutcomeFor"/>: providers wait at most this long for an outcome.</summary>
    public static readonly TimeSpan MaxAwaitOutcome = TimeSpan.FromSeconds(20);

    public async ValueTask<IReadOnlyList<NewMessage>> ValidateAsync(
        SendRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var errors = new ValidationErrors();
        var named = request.Messages is { } items ? items.Select(d => d?.Account).Append(request.Account) : [request.Account];
        var accountList = await accounts.GetAllWithAsync(named.OfType<string>(), cancellationToken);
        // The provider gets a little less than the caller's wait, so its answer is stored before the caller stops waiting.
        var awaitedUntil = request.AwaitOutcomeFor is { } wait && wait > TimeSpan.Zero
            ? now + wait - TimeSpan.FromTicks(Math.Min(wait.Ticks / 10, TimeSpan.TicksPerSecond))
            : (DateTimeOffset?)null;
        var context = new Context(settings, errors, accountList, now, awaitedUntil);

        if (request.IdempotencyKey is { } key && !IsValidKey(key, settings.MaxIdempotencyKeyLength))
        {
            errors.Add("Idempotency-Key", $"The idempotency key must be 1 to {settings.MaxIdempotencyKeyLength} printable ASCII characters.");
        }

        if (request.AwaitOutcomeFor is { } awaited && (awaited < TimeSpan.Zero || awaited > MaxAwaitOutcome))
        {
            errors.Add("waitSeconds", $"The wait for the first outcome must be 0 to {MaxAwaitOutcome.TotalSeconds:0} seconds.");
        }

        var messages = new List<NewMessage>();
        var broadcast = request.To is not null || request.Text is not null;
        if (broadcast && request.Messages is not null)
        {
            errors.Add("messages", "Send either 'to' and 'text' (one text to many recipients) or 'messages' (a batch), not both.");
        }
        else if (request.Messages is { } drafts)
        {
            ExpandBatch(request, drafts, context, messages);
        }
        else
        {
            ExpandBroadcast(request, context, messages);
        }

        if (errors.Count > 0)
        {
            throw new SendValidationException(errors.ToDictionary());
        }

        return messages;
    }

    private void ExpandBroadcast(SendRequest request, Context context, List<NewMessage> messages)
    {
        var errors = context.Errors;
        if (request.To is not { Count: > 0 } recipients)
        {
            errors.Add("to", "Give at least one recipient.");
            recipients = [];
        }
        else if (recipients.Count > context.Settings.MaxRecipientsPerRequest)
        {
            errors.Add("to", $"A request may have at most {context.Settings.MaxRecipientsPerRequest} recipients; this one has {recipients.Count}.");
            return;
        }

        var text = CheckText(request.Text, "text", context);
        var common = ResolveOptions(
            new MessageOptions(
                request.Channel, request.Account, request.Priority, request.SendAt, request.ExpiresAt, request.Tags, request.ProviderOptions, null),
            OptionPaths.Top,
            context);
        for (var i = 0; i < recipients.Count; i++)
        {
            var to = CheckRecipient(recipients[i], $"to[{i}]", common.Channel, context);
            if (to is not null && text is not null && common.Account is not null && context.Errors.Count == 0)
            {
                messages.Add(Create(to, text, common, context.Now, context.AwaitedUntil));
            }
        }
    }

    private void ExpandBatch(SendRequest request, IReadOnlyList<MessageDraft> drafts, Context context, List<NewMessage> messages)
    {
        var errors = context.Errors;
        if (drafts.Count == 0)
        {
            errors.Add("messages", "Give at least one message.");
            return;
        }

        if (drafts.Count > context.Settings.MaxRecipientsPerRequest)
        {
            errors.Add("messages", $"A request may have at most {context.Settings.MaxRecipientsPerRequest} messages; this one has {drafts.Count}.");
            return;
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var prefix = $"messages[{i}]";
            if (drafts[i] is not { } draft)
            {
                errors.Add(prefix, "A message must be an object with 'to' and 'text'.");
                continue;
            }

            var resolved = ResolveOptions(
                new MessageOptions(
                    draft.Channel ?? request.Channel,
                    draft.Account ?? request.Account,
                    draft.Priority ?? request.Priority,
                    draft.SendAt ?? request.SendAt,
                    draft.ExpiresAt ?? request.ExpiresAt,
                    draft.Tags ?? request.Tags,
                    request.ProviderOptions,
                    draft.ProviderOptions),
                new OptionPaths(
                    draft.Channel is null ? "channel" : $"{prefix}.channel",
                    draft.Account is null ? "account" : $"{prefix}.account",
                    draft.Priority is null ? "priority" : $"{prefix}.priority",
                    draft.SendAt is null ? "sendAt" : $"{prefix}.sendAt",
                    draft.ExpiresAt is null ? "expiresAt" : $"{prefix}.expiresAt",
                    draft.Tags is null ? "tags" : $"{prefix}.tags",
                    prefix),
                context);
            var to = CheckRecipient(draft.To, $"{prefix}.to", resolved.Channel, context);
            var text = CheckText(draft.Text, $"{prefix}.text", context);
            if (to is not null && text is not null && resolved.Account is not null && context.Errors.Count == 0)
            {
                messages.Add(Create(to, text, resolved, context.Now, context.AwaitedUntil));
            }
        }
    }

    private NewMessage Create(string to, string text, ResolvedOptions resolved, DateTimeOffset now, DateTimeOffset? awaitedUntil)
    {
        var scheduled = resolved.SendAt > now;
        return new NewMessage
        {
            Id = new MessageId(ids.Next(now)),
            Channel = resolved.Channel,
            To = to,
            Text = text,
            AccountId = resolved.Account!.Id,
            AccountName = resolved.Account.Name,
            Priority = resolved.Priority,
            Status = scheduled ? MessageStatus.Scheduled : MessageStatus.Queued,
            SendAt = resolved.SendAt,
            ExpiresAt = resolved.ExpiresAt,
            DueAt = scheduled ? resolved.SendAt!.Value : now,
            Tags = resolved.Tags,
            ProviderOptions = resolved.ProviderOptions,
            OutcomeAwaitedUntil = awaitedUntil,
        };
    }

    private ResolvedOptions ResolveOptions(MessageOptions given, OptionPaths paths, Context context)
    {
        var errors = context.Errors;
        var channel = Channel.Sms;
        if (given.Channel is not null)
        {
            if (Channel.IsValidName(given.Channel))
            {
                channel = new Channel(given.Channel);
            }
            else
            {
                errors.Add(paths.Channel, $"'{given.Channel}' is not a channel name: use letters, digits and '-', such as 'sms'.");
            }
        }

        var priority = given.Priority ?? MessagePriority.Normal;
        if (!Enum.IsDefined(priority))
        {
            errors.Add(paths.Priority, "The priority must be high, normal or low.");
        }

        if (given.ExpiresAt is { } expiresAt)
        {
            if (expiresAt <= context.Now)
            {
                errors.Add(paths.ExpiresAt, $"The expiry {expiresAt:O} has already passed.");
            }
            else if (given.SendAt is { } sendAt && expiresAt <= sendAt)
            {
                errors.Add(paths.ExpiresAt, "The expiry must be after the send time.");
            }
        }

        var tags = CheckTags(given.Tags, paths.Tags, context);
        var account = ResolveAccount(given.Account, channel, paths, context);
        var providerOptions = account is null
            ? ProviderOptionsResolver.Empty
            : ProviderOptionsResolver.Resolve(
                providers.Find(account.ProviderType)!, account, given.SharedProviderOptions, given.OwnProviderOptions, paths.Item, context.Now, errors);
        return new ResolvedOptions(channel, account, priority, given.SendAt, given.ExpiresAt, tags, providerOptions);
    }

    private ProviderAccount? ResolveAccount(string? name, Channel channel, OptionPaths paths, Context context)
    {
        if (name is not null)
        {
            var named = context.Accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
            if (named is null)
            {
                context.Errors.Add(paths.Account, $"There is no account named '{name}'.");
            }
            else if (!named.Enabled)
            {
                context.Errors.Add(paths.Account, $"The account '{named.Name}' is disabled.");
            }
            else if (named.Channel != channel)
            {
                context.Errors.Add(paths.Account, $"The account '{named.Name}' sends on channel '{named.Channel}', not '{channel}'.");
            }
            else if (providers.Find(named.ProviderType) is null)
            {
                context.Errors.Add(paths.Account, $"The account '{named.Name}' needs provider '{named.ProviderType}', which this hub does not have.");
            }
            else
            {
                return named;
            }

            return null;
        }

        var fallback = context.Accounts
            .Where(a => a.Enabled && a.Channel == channel && providers.Find(a.ProviderType) is not null)
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();
        if (fallback is null)
        {
            context.Errors.Add(paths.Channel, $"No enabled account sends on channel '{channel}'.");
        }

        return fallback;
    }

    private string? CheckRecipient(string? input, string path, Channel channel, Context context)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            context.Errors.Add(path, "The recipient must not be empty.");
            return null;
        }

        if (channel == Channel.Sms)
        {
            if (phones.TryNormalizeMobile(input, out var e164))
            {
                return e164;
            }

            context.Errors.Add(path, $"'{Truncate(input)}' is not a valid mobile number.");
            return null;
        }

        var address = input.Trim();
        if (address.Contains('\0', StringComparison.Ordinal))
        {
            context.Errors.Add(path, "The recipient must not contain the NUL character.");
            return null;
        }

        if (address.Length > MaxAddressLength)
        {
            context.Errors.Add(path, $"The recipient is longer than {MaxAddressLength} characters.");
            return null;
        }

        return address;
    }

    private static string? CheckText(string? text, string path, Context context)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            context.Errors.Add(path, "The text must not be empty.");
            return null;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            context.Errors.Add(path, "The text must not contain the NUL character.");
            return null;
        }

        if (text.Length > context.Settings.MaxTextLength)
        {
            context.Errors.Add(path, $"The text is {text.Length} characters long; the most is {context.Settings.MaxTextLength}.");
            return null;
        }

        return text;
    }

    private static IReadOnlyList<string> CheckTags(IReadOnlyList<string>? tags, string path, Context context)
    {
        if (tags is null || tags.Count == 0)
        {
            return [];
        }

        if (tags.Count > context.Settings.MaxTags)
        {
            context.Errors.Add(path, $"A message may have at most {context.Settings.MaxTags} tags.");
            return [];
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (string.IsNullOrWhiteSpace(tag) || tag.Length > context.Settings.MaxTagLength || tag.AsSpan().IndexOfAny('|', '\0') >= 0)
            {
                context.Errors.Add($"{path}[{i}]", $"A tag must be 1 to {context.Settings.MaxTagLength} characters, without '|' or NUL.");
            }
        }

        return tags.ToArray();
    }

    private static bool IsValidKey(string key, int maxLength)
        => key.Length is > 0 && key.Length <= maxLength && key.All(c => c is >= '!' and <= '~');

    private static string Truncate(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private sealed record Context(
        RasanOptions Settings, ValidationErrors Errors, IReadOnlyList<ProviderAccount> Accounts, DateTimeOffset Now, DateTimeOffset? AwaitedUntil);

    private sealed record MessageOptions(
        string? Channel,
        string? Account,
        MessagePriority? Priority,
        DateTimeOffset? SendAt,
        DateTimeOffset? ExpiresAt,
        IReadOnlyList<string>? Tags,
        IReadOnlyDictionary<string, string>? SharedProviderOptions,
        IReadOnlyDictionary<string, string>? OwnProviderOptions);

    private sealed record ResolvedOptions(
        Channel Channel,
        ProviderAccount? Account,
        MessagePriority Priority,
        DateTimeOffset? SendAt,
        DateTimeOffset? ExpiresAt,
        IReadOnlyList<string> Tags,
        IReadOnlyDictionary<string, string> ProviderOptions);

    /// <summary>The JSON paths of a message's options; <see cref="Item"/> is the batch item's path, null for a broadcast.</summary>
    private sealed record OptionPaths(string Channel, string Account, string Priority, string SendAt, string ExpiresAt, string Tags, string? Item)
    {
        public static OptionPaths Top { get; } = new("channel", "account", "priority", "sendAt", "expiresAt", "tags", null);
    }
}

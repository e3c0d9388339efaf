using System.Globalization;
using System.Text.Json;

namespace Rasan.Providers.Kavenegar.Tests.Fake;

public sealed partial class FakeKavenegarServer
{
    private const int MaxReceptors = 200;
    private const int MaxIds = 500;
    private const int MaxTextLength = 900;

    // Everything below runs under _lock.
    private List<Dictionary<string, object?>> Send(FakeKavenegarAccount account, Dictionary<string, string> parameters, bool insufficientCredit)
    {
        var receptors = SplitList(Required(parameters, "receptor"));
        var text = Required(parameters, "message");
        var sender = SenderOf(account, parameters.GetValueOrDefault("sender"));
        var localIds = LocalIds(parameters.GetValueOrDefault("localid"), receptors.Length);
        return Store(
            account,
            [.. receptors.Select((r, i) => new Draft(r, sender, text, localIds?[i]))],
            parameters,
            insufficientCredit);
    }

    private List<Dictionary<string, object?>> SendArray(FakeKavenegarAccount account, Dictionary<string, string> parameters, bool insufficientCredit)
    {
        var receptors = JsonList(Required(parameters, "receptor"));
        var senders = JsonList(Required(parameters, "sender"));
        var texts = JsonList(Required(parameters, "message"));
        if (receptors.Length != senders.Length || receptors.Length != texts.Length)
        {
            throw new FakeKavenegarRefusal(419);
        }

        var localIds = LocalIds(parameters.GetValueOrDefault("localmessageids"), receptors.Length);
        return Store(
            account,
            [.. receptors.Select((r, i) => new Draft(r, SenderOf(account, senders[i]), texts[i], localIds?[i]))],
            parameters,
            insufficientCredit);
    }

    private List<Dictionary<string, object?>> Store(
        FakeKavenegarAccount account, Draft[] drafts, Dictionary<string, string> parameters, bool insufficientCredit)
    {
        var date = DateOf(parameters);
        if (parameters.TryGetValue("tag", out var tag) && !TagPattern().IsMatch(tag))
        {
            throw new FakeKavenegarRefusal(607);
        }

        if (drafts.Length > MaxReceptors)
        {
            throw new FakeKavenegarRefusal(414);
        }

        foreach (var draft in drafts)
        {
            if (!ReceptorPattern().IsMatch(draft.Receptor))
            {
                throw new FakeKavenegarRefusal(411);
            }

            if (draft.Text.Length is 0 or > MaxTextLength)
            {
                throw new FakeKavenegarRefusal(413);
            }
        }

        // Validate and price everything first: a refused call stores and charges nothing.
        var stored = drafts.Select(d => d.LocalId is null ? null : _messages.Find(m => m.Key == account.Key && m.LocalId == d.LocalId)).ToArray();
        var inCall = new HashSet<string>(StringComparer.Ordinal);
        var cost = drafts.Where((d, i) => stored[i] is null && (d.LocalId is null || inCall.Add(d.LocalId))).Sum(d => Price(d.Text));
        if (insufficientCredit || cost > account.Balance)
        {
            throw new FakeKavenegarRefusal(418);
        }

        account.Balance -= cost;
        var entries = new List<Dictionary<string, object?>>(drafts.Length);
        var created = new Dictionary<string, FakeKavenegarMessage>(StringComparer.Ordinal);
        for (var i = 0; i < drafts.Length; i++)
        {
            var draft = drafts[i];
            var message = stored[i] ?? (draft.LocalId is not null ? created.GetValueOrDefault(draft.LocalId) : null);
            if (message is null)
            {
                message = new FakeKavenegarMessage(account.Key, ++_lastMessageId, draft.LocalId, draft.Receptor, draft.Sender, draft.Text, date, Price(draft.Text));
                _messages.Add(message);
                if (draft.LocalId is not null)
                {
                    created[draft.LocalId] = message;
                }
            }

            entries.Add(Entry(message));
        }

        return entries;
    }

    private List<Dictionary<string, object?>> Status(FakeKavenegarAccount account, Dictionary<string, string> parameters)
    {
        var ids = SplitList(Required(parameters, "messageid"));
        if (ids.Length > MaxIds)
        {
            throw new FakeKavenegarRefusal(414);
        }

        return [.. ids.Select(id =>
        {
            var message = Find(account, id);
            var status = message is null ? 100 : Advance(message);
            return new Dictionary<string, object?>
            {
                ["messageid"] = long.TryParse(id, CultureInfo.InvariantCulture, out var number) ? number : 0,
                ["status"] = status,
                ["statustext"] = FakeKavenegarTexts.Status(status),
            };
        })];
    }

    private List<Dictionary<string, object?>> StatusByLocalId(FakeKavenegarAccount account, Dictionary<string, string> parameters)
    {
        var localIds = SplitList(Required(parameters, "localid"));
        if (localIds.Length > MaxIds)
        {
            throw new FakeKavenegarRefusal(414);
        }

        return [.. localIds.Select(localId =>
        {
            var message = _messages.Find(m => m.Key == account.Key && m.LocalId == localId);
            var status = message is null ? 100 : Advance(message);
            return new Dictionary<string, object?>
            {
                ["messageid"] = message?.MessageId ?? 0,
                ["localid"] = localId,
                ["status"] = status,
                ["statustext"] = FakeKavenegarTexts.Status(status),
            };
        })];
    }

    private List<Dictionary<string, object?>> Cancel(FakeKavenegarAccount account, Dictionary<string, string> parameters)
    {
        var ids = SplitList(Required(parameters, "messageid"));
        if (ids.Length > MaxIds)
        {
            throw new FakeKavenegarRefusal(414);
        }

        return [.. ids.Select(id =>
        {
            var message = Find(account, id);
            if (message is not null && CurrentStatus(message) is 1 or 2)
            {
                message.Cancelled = true;
            }

            var status = message is null ? 100 : CurrentStatus(message);
            return new Dictionary<string, object?>
            {
                ["messageid"] = message?.MessageId ?? 0,
                ["status"] = status,
                ["statustext"] = FakeKavenegarTexts.Status(status),
            };
        })];
    }

    /// <summary>Moves a message one step along its receptor's script (if due and not cancelled) and returns its status.</summary>
    private int Advance(FakeKavenegarMessage message)
    {
        if (!message.Cancelled && message.Date <= Time.GetUtcNow() && _scripts.TryGetValue(Significant(message.Receptor), out var script) && script.Length > 0)
        {
            message.Step = Math.Min(message.Step + 1, script.Length);
            message.Status = script[message.Step - 1];
        }

        return CurrentStatus(message);
    }

    private int CurrentStatus(FakeKavenegarMessage message)
        => message.Cancelled ? 13 : message.Step == 0 && message.Date > Time.GetUtcNow() ? 2 : message.Status;

    private FakeKavenegarMessage? Find(FakeKavenegarAccount account, string id)
        => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? _messages.Find(m => m.Key == account.Key && m.MessageId == number)
            : null;

    private Dictionary<string, object?> Entry(FakeKavenegarMessage message)
    {
        var status = CurrentStatus(message);
        return new()
        {
            ["messageid"] = message.MessageId,
            ["message"] = message.Text,
            ["status"] = status,
            ["statustext"] = FakeKavenegarTexts.Status(status),
            ["sender"] = message.Sender,
            ["receptor"] = message.Receptor,
            ["date"] = message.Date.ToUnixTimeSeconds(),
            ["cost"] = message.Cost,
        };
    }

    /// <summary>Parts × price: one part holds 160 characters of a Latin (ASCII) text or 70 of any other.</summary>
    private long Price(string text)
    {
        var perPart = text.All(char.IsAscii) ? 160 : 70;
        return (text.Length + perPart - 1) / perPart * PricePerPart;
    }

    private DateTimeOffset DateOf(Dictionary<string, string> parameters)
    {
        var now = Time.GetUtcNow();
        if (!parameters.TryGetValue("date", out var value) || value is "" or "0")
        {
            return now;
        }

        // Unix seconds; a past date or a value in milliseconds is refused.
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 99_999_999_999
            || DateTimeOffset.FromUnixTimeSeconds(seconds) < now.AddMinutes(-1))
        {
            throw new FakeKavenegarRefusal(417);
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static string SenderOf(FakeKavenegarAccount account, string? sender)
    {
        if (sender is null)
        {
            return account.Lines[0];
        }

        return account.Lines.Contains(sender, StringComparer.Ordinal) ? sender : throw new FakeKavenegarRefusal(412);
    }

    /// <summary>
    /// The local ids, aligned with the receptors. Stricter than documented, so a provider bug shows: the count must
    /// match and each must be a 64-bit number (400 otherwise).
    /// </summary>
    private static string[]? LocalIds(string? value, int count)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var ids = SplitList(value);
        if (ids.Length != count || !ids.All(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new FakeKavenegarRefusal(400);
        }

        return ids;
    }

    private static string Required(Dictionary<string, string> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out var value))
        {
            throw new FakeKavenegarRefusal(400);
        }

        // An empty text is "message empty" (413); other empty mandatory values are 406.
        return value.Length > 0 || name == "message" ? value : throw new FakeKavenegarRefusal(406);
    }

    private static string[] SplitList(string value) => value.Split(',', StringSplitOptions.TrimEntries);

    private static string[] JsonList(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FakeKavenegarRefusal(400);
            }

            return [.. document.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())];
        }
        catch (JsonException)
        {
            throw new FakeKavenegarRefusal(400);
        }
    }

    private sealed record Draft(string Receptor, string Sender, string Text, string? LocalId);
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rasan.Providers.Ghasedak.Tests.Fake;

public sealed partial class FakeGhasedakServer
{
    private static readonly string[] LineChoices = ["priority", "fastest", "cheapest"];

    // Everything below runs under _lock. Every draft is checked and priced before anything is stored or charged.
    private Dictionary<string, object?> SendSingle(FakeGhasedakAccount account, JsonElement body, bool noCredit)
    {
        var draft = Check(account, body, FakeGhasedakJson.Text(body, "receptor"), FakeGhasedakJson.Text(body, "lineNumber"));
        return Item(Store(account, [draft], "SendSingleSMS", noCredit)[0]);
    }

    private Dictionary<string, object?> SendPair(FakeGhasedakAccount account, JsonElement body, bool noCredit)
    {
        var items = FakeGhasedakJson.List(body, "items");
        if (items.Count == 0)
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.NoReceptors);
        }

        if (items.Count > MaxItemsPerCall)
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.TooManyItems);
        }

        var drafts = items.Select(item => Check(account, item, FakeGhasedakJson.Text(item, "receptor"), FakeGhasedakJson.Text(item, "lineNumber"))).ToArray();
        return new() { ["items"] = Store(account, drafts, "SendPairToPairSMS", noCredit).Select(Item).ToList() };
    }

    private Dictionary<string, object?> SendBulk(FakeGhasedakAccount account, JsonElement body, bool noCredit)
    {
        var receptors = FakeGhasedakJson.List(body, "receptors");
        if (receptors.Count == 0)
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.NoReceptors);
        }

        if (receptors.Count > MaxItemsPerCall)
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.TooManyItems);
        }

        var line = FakeGhasedakJson.Text(body, "lineNumber");
        var drafts = receptors.Select(r => Check(account, body, r.ValueKind == JsonValueKind.String ? r.GetString() : r.GetRawText(), line)).ToArray();

        // One reference for the call: a repeat gets the whole first result.
        var reference = drafts[0].Reference;
        var earlier = reference is not null && DeduplicateReferences
            ? _messages.Where(m => m.Account == account && m.ApiMethod == "SendBulkSMS" && m.ClientReferenceId == reference).ToList()
            : [];
        var stored = earlier.Count > 0 ? earlier : Store(account, drafts, "SendBulkSMS", noCredit, deduplicate: false);
        return new()
        {
            ["cost"] = stored.Sum(m => m.Cost),
            ["lineNumber"] = stored[0].LineNumber,
            ["message"] = stored[0].Text,
            ["sendDate"] = stored[0].SendDate.ToOffset(TehranOffset),
            ["clientReferenceId"] = reference,
            ["receptors"] = stored.Select(m => new Dictionary<string, object?> { ["receptor"] = m.Receptor, ["messageId"] = m.MessageId }).ToList(),
        };
    }

    /// <summary>
    /// Stores the drafts and charges for them, or refuses them all: a draft whose reference the account used before
    /// (or an earlier draft of the call used) gets that message back, unbilled, unless deduplication is off.
    /// </summary>
    private List<FakeGhasedakMessage> Store(FakeGhasedakAccount account, Draft[] drafts, string apiMethod, bool noCredit, bool deduplicate = true)
    {
        deduplicate &= DeduplicateReferences;
        var results = new FakeGhasedakMessage?[drafts.Length];
        var firstInCall = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeats = new List<(int Index, int Of)>();
        for (var i = 0; i < drafts.Length; i++)
        {
            if (!deduplicate || drafts[i].Reference is not { } reference)
            {
                continue;
            }

            if (firstInCall.TryGetValue(reference, out var first))
            {
                repeats.Add((i, first));
            }
            else
            {
                firstInCall[reference] = i;
                results[i] = _messages.Find(m => m.Account == account && m.ClientReferenceId == reference);
            }
        }

        var fresh = Enumerable.Range(0, drafts.Length).Where(i => results[i] is null && !repeats.Exists(r => r.Index == i)).ToArray();
        var cost = fresh.Sum(i => Price(drafts[i].Text));
        if (noCredit || cost > account.Credit)
        {
            throw new FakeGhasedakRefusal(InsufficientCreditStatusCode, FakeGhasedakTexts.NoCredit);
        }

        account.Credit -= cost;
        var now = Time.GetUtcNow();
        foreach (var i in fresh)
        {
            var draft = drafts[i];
            var message = new FakeGhasedakMessage(
                account,
                (++_lastMessageId).ToString(CultureInfo.InvariantCulture),
                draft.Reference,
                draft.Receptor,
                draft.Line,
                draft.Text,
                draft.SendDate is { } date && date > now ? date : now,
                Price(draft.Text),
                apiMethod);
            _messages.Add(message);
            results[i] = message;
        }

        foreach (var (index, of) in repeats)
        {
            results[index] = results[of];
        }

        return [.. results.Select(m => m ?? throw new InvalidOperationException("Every draft has its message."))];
    }

    private static Draft Check(FakeGhasedakAccount account, JsonElement fields, string? receptor, string? line)
    {
        var text = FakeGhasedakJson.Text(fields, "message");
        if (string.IsNullOrEmpty(text))
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.EmptyMessage);
        }

        if (string.IsNullOrWhiteSpace(receptor))
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.NoReceptors);
        }

        if (!IranianMobile().IsMatch(receptor))
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.InvalidReceptor);
        }

        var chosen = line switch
        {
            _ when line is not null && account.Lines.Contains(line, StringComparer.Ordinal) => line,
            _ when line is not null && LineChoices.Contains(line, StringComparer.OrdinalIgnoreCase) => account.Lines[0],
            _ => throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.InvalidLine),
        };
        var reference = FakeGhasedakJson.Text(fields, "clientReferenceId");
        return new Draft(receptor, chosen, text, string.IsNullOrEmpty(reference) ? null : reference, FakeGhasedakJson.Date(fields, "sendDate"));
    }

    private static Dictionary<string, object?> Item(FakeGhasedakMessage message) => new()
    {
        ["receptor"] = message.Receptor,
        ["lineNumber"] = message.LineNumber,
        ["cost"] = message.Cost,
        ["messageId"] = message.MessageId,
        ["clientReferenceId"] = message.ClientReferenceId,
        ["message"] = message.Text,
        ["sendDate"] = message.SendDate.ToOffset(TehranOffset),
    };

    /// <summary>Parts × price; a part holds 160 (GSM) or 70 (Unicode) characters alone, 153 or 67 when concatenated.</summary>
    private long Price(string text)
    {
        var (single, part) = text.All(char.IsAscii) ? (160, 153) : (70, 67);
        var parts = text.Length <= single ? 1 : (text.Length + part - 1) / part;
        return parts * PricePerPart;
    }

    [GeneratedRegex(@"^(\+98|0098|98|0)9\d{9}$")]
    private static partial Regex IranianMobile();

    /// <summary>A message as requested, checked.</summary>
    private sealed record Draft(string Receptor, string Line, string Text, string? Reference, DateTimeOffset? SendDate);
}

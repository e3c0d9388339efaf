using Microsoft.AspNetCore.Http;

namespace Rasan.Providers.Ghasedak.Tests.Fake;

public sealed partial class FakeGhasedakServer
{
    private const int MaxStatusIds = 100;
    private const int ToBeSent = 2;

    // Everything below runs under _lock.

    /// <summary>
    /// <c>CheckSmsStatus</c>: <c>Ids</c> comma-separated and/or repeated, at most 100; <c>Type</c> 1 or <c>MessageId</c>
    /// (Ghasedak ids), 2 or <c>ClientReferenceId</c> (references; a bulk reference answers all its messages). Ids the
    /// account does not know are left out. Each call moves every message it reports one step along its script.
    /// </summary>
    private List<Dictionary<string, object?>> CheckStatus(FakeGhasedakAccount account, IQueryCollection query)
    {
        var ids = query["Ids"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
        if (ids.Length == 0)
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.NoIds);
        }

        if (ids.Length > MaxStatusIds)
        {
            throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.TooManyIds);
        }

        Func<FakeGhasedakMessage, string?> key = query["Type"].ToString().Trim().ToUpperInvariant() switch
        {
            "1" or "MESSAGEID" => static m => m.MessageId,
            "2" or "CLIENTREFERENCEID" => static m => m.ClientReferenceId,
            _ => throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.InvalidType),
        };
        return [.. ids.SelectMany(id => _messages.Where(m => m.Account == account && key(m) == id)).Select(m => new Dictionary<string, object?>
        {
            ["messageId"] = m.MessageId,
            ["clientReferenceId"] = m.ClientReferenceId,
            ["message"] = m.Text,
            ["lineNumber"] = m.LineNumber,
            ["receptor"] = m.Receptor,
            ["status"] = Advance(m),
            ["price"] = m.Cost,
            ["sendDate"] = m.SendDate.ToOffset(TehranOffset),
        })];
    }

    private Dictionary<string, object?> AccountInformation(FakeGhasedakAccount account) => new()
    {
        ["credit"] = account.Credit,
        ["expireDate"] = account.ExpiresAt?.ToOffset(TehranOffset),
        ["plan"] = account.Plan,
    };

    /// <summary>A message scheduled for later stays "to be sent"; else it takes its script's next step, or the unscripted status.</summary>
    private int Advance(FakeGhasedakMessage message)
    {
        if (message.SendDate > Time.GetUtcNow())
        {
            return ToBeSent;
        }

        if (!_scripts.TryGetValue(Significant(message.Receptor), out var script) || script.Length == 0)
        {
            return UnscriptedStatus;
        }

        message.Step = Math.Min(message.Step + 1, script.Length);
        return script[message.Step - 1];
    }
}

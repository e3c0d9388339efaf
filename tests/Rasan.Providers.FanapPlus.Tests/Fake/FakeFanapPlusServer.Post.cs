using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rasan.Providers.FanapPlus.Tests.Fake;

public sealed partial class FakeFanapPlusServer
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const int MaxSyncDeliveryTimeout = 20_000;

    private static readonly string[] MessageTypes = ["Content", "PremiumContent", "Subscription", "Unsubscription", "Verification"];
    private static readonly string[] ChannelTypes = ["Imi", "Mtn", "Rightel", "Magfa"];
    private static readonly string[] Priorities = ["Low", "Normal", "High"];

    /// <summary>
    /// Validates, verifies and takes one call, runs under the lock: every message is checked before anything is stored,
    /// so a refusal stores and bills nothing. Returns the 200 answer's JSON and how long to hold it (a synchronous wait);
    /// refusals throw <see cref="FakeFanapPlusRefusal"/>.
    /// </summary>
    private (string Json, TimeSpan Hold) Post(JsonElement root, List<string> signed)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FakeFanapPlusRefusal(400, "The body must be a JSON object.");
        }

        var uid = FakeFanapPlusJson.Text(root, "Uid") ?? throw new FakeFanapPlusRefusal(400, "Uid is required.");
        var date = FakeFanapPlusJson.Text(root, "Date") ?? throw new FakeFanapPlusRefusal(400, "Date is required.");
        CheckDate("Date", date);
        var appId = FakeFanapPlusJson.Text(root, "AppId");
        var syncTimeout = SyncDeliveryTimeout(root);
        var rootTags = Tags(root);
        CheckOptionalDate(root, "ExpirationTime");
        CheckOptionalDate(root, "DeliveryDeadline");
        var elements = FakeFanapPlusJson.Field(root, "Messages") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().ToArray()
            : throw new FakeFanapPlusRefusal(400, "Messages is required.");
        if (elements.Length == 0 || elements.Length > MaxMessagesPerCall)
        {
            throw new FakeFanapPlusRefusal(400, string.Create(CultureInfo.InvariantCulture, $"Messages must have 1 to {MaxMessagesPerCall} elements."));
        }

        var drafts = elements.Select((element, index) => Check(root, element, index, date, uid, appId, rootTags, signed)).ToArray();

        if (_answersByUid.TryGetValue(uid, out var first))
        {
            return DuplicateUid == FakeFanapPlusDuplicateUid.FirstAnswer
                ? (first.Body, TimeSpan.Zero)
                : throw new FakeFanapPlusRefusal(400, "Uid has been used before.");
        }

        var puid = NewId();
        var muids = new List<string>(drafts.Length);
        foreach (var draft in drafts)
        {
            var muid = NewId();
            muids.Add(muid);
            _messages.Add(draft with { Muid = muid, Puid = puid, Uid = uid });
            foreach (var tag in draft.Tags.Where(t => t.StartsWith(FanapPlusDefaults.MessageTagPrefix, StringComparison.Ordinal)))
            {
                _bills[tag] = _bills.GetValueOrDefault(tag) + 1;
            }
        }

        var answer = new Dictionary<string, object?> { ["Puid"] = puid, ["Muids"] = muids };
        var hold = TimeSpan.Zero;
        if (syncTimeout is { } milliseconds && drafts.Any(d => _details.ContainsKey(d.Target)))
        {
            // The answer waits for the slowest scripted outcome, or gives up at the timeout without Details.
            var timeout = TimeSpan.FromMilliseconds(milliseconds);
            var slowest = drafts.Max(d => _details.TryGetValue(d.Target, out var detail) ? detail.Delay : TimeSpan.Zero);
            hold = slowest < timeout ? slowest : timeout;
            if (slowest <= timeout)
            {
                answer["Details"] = drafts.Select(d => _details.TryGetValue(d.Target, out var detail)
                    ? new Dictionary<string, string?> { ["Status"] = detail.Status, ["Code"] = detail.Code, ["Description"] = detail.Description }
                    : new Dictionary<string, string?> { ["Status"] = PendingStatus }).ToList();
            }
        }

        var json = JsonSerializer.Serialize(answer);
        _answersByUid[uid] = (200, json);
        return (json, hold);
    }

    /// <summary>Resolves one element against the root, checks it and its signature, and returns it as a message to store.</summary>
    private FakeFanapPlusMessage Check(
        JsonElement root, JsonElement element, int index, string date, string uid, string? appId, IReadOnlyList<string> rootTags, List<string> signed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FakeFanapPlusRefusal(400, $"Messages[{index}] must be an object.");
        }

        string? Effective(string name) => FakeFanapPlusJson.Text(element, name) ?? FakeFanapPlusJson.Text(root, name);

        var sid = Effective("Sid") ?? throw new FakeFanapPlusRefusal(400, $"Messages[{index}]: Sid is required.");
        if (!_accounts.TryGetValue(sid, out var account))
        {
            throw new FakeFanapPlusRefusal(400, $"Messages[{index}]: Sid is not known.");
        }

        var messageType = Enum(index, "MessageType", Effective("MessageType"), MessageTypes, required: true)!;
        var channelType = Enum(index, "ChannelType", Effective("ChannelType"), ChannelTypes, required: true)!;
        var priority = Enum(index, "Priority", Effective("Priority"), Priorities, required: false);
        var accountId = FakeFanapPlusJson.Text(element, "AccountId");
        var phone = FakeFanapPlusJson.Text(element, "UserPhoneNumber");
        if (accountId is null && phone is null)
        {
            throw new FakeFanapPlusRefusal(400, $"Messages[{index}]: AccountId or UserPhoneNumber is required.");
        }

        if (phone is not null && !PhoneNumber().IsMatch(phone))
        {
            throw new FakeFanapPlusRefusal(400, $"Messages[{index}]: UserPhoneNumber must be 09xxxxxxxxx.");
        }

        var content = Effective("Content");
        if (content is null && messageType is "Content" or "PremiumContent" or "Subscription")
        {
            throw new FakeFanapPlusRefusal(400, $"Messages[{index}]: Content is required for {messageType}.");
        }

        var expiration = Effective("ExpirationTime");
        if (expiration is not null)
        {
            CheckDate($"Messages[{index}].ExpirationTime", expiration);
        }

        CheckOptionalDate(element, "DeliveryDeadline");
        if (channelType == "Mtn" && RequireReplyToForMtn && FakeFanapPlusJson.Text(element, "ReplyTo") is null)
        {
            throw new FakeFanapPlusRefusal(400, $"Messages[{index}]: ReplyTo is required for Mtn.");
        }

        var tags = rootTags.Union(Tags(element), StringComparer.Ordinal).ToArray();
        var signature = FakeFanapPlusJson.Text(element, "Signature") ?? throw new FakeFanapPlusRefusal(400, $"Messages[{index}]: Signature is required.");
        var slot = accountId ?? (account.PhoneInAccountIdSlot ? phone : null);
        var text = SignedString(account.SignatureOrder, date, uid, sid, channelType, messageType, slot, content);
        signed.Add(text);
        if (!Verifies(account, text, signature))
        {
            throw new FakeFanapPlusRefusal(SignatureFailureStatus, $"Messages[{index}]: Signature is not valid.");
        }

        if (phone is not null && accountId is null && !account.MaySendByPhoneNumber)
        {
            throw new FakeFanapPlusRefusal(403, "The service may not send by UserPhoneNumber.");
        }

        if (appId is not null && !account.AppIds.Contains(appId))
        {
            throw new FakeFanapPlusRefusal(403, "The AppId has no access to the service.");
        }

        return new FakeFanapPlusMessage(
            string.Empty, string.Empty, uid, sid, accountId ?? phone!, content, messageType, channelType, priority, expiration, tags,
            FakeFanapPlusJson.Text(element, "ReplyTo"), Effective("DeliveryDeadline"));
    }

    /// <summary>The string the guide signs: values joined by commas, Uid and Sid in the service's order, empty values left out with their comma.</summary>
    internal static string SignedString(
        FanapPlusSignatureFieldOrder order, string date, string uid, string sid, string channelType, string messageType, string? accountId, string? content)
    {
        string?[] values = order == FanapPlusSignatureFieldOrder.UidThenSid
            ? [date, uid, sid, channelType, messageType, accountId, content]
            : [date, sid, uid, channelType, messageType, accountId, content];
        return string.Join(',', values.Where(v => !string.IsNullOrEmpty(v)));
    }

    private static bool Verifies(FakeFanapPlusAccount account, string text, string signature)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return account.PublicKey.VerifyData(Encoding.UTF8.GetBytes(text), bytes, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
    }

    private static string? Enum(int index, string name, string? value, string[] allowed, bool required)
    {
        if (value is null)
        {
            return required ? throw new FakeFanapPlusRefusal(400, $"Messages[{index}]: {name} is required.") : null;
        }

        return Array.Find(allowed, a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new FakeFanapPlusRefusal(400, $"Messages[{index}]: {name} '{value}' is not one of {string.Join(", ", allowed)}.");
    }

    private static IReadOnlyList<string> Tags(JsonElement body)
    {
        var tags = FakeFanapPlusJson.Strings(body, "Tags");
        return tags.All(t => TagText().IsMatch(t)) ? tags : throw new FakeFanapPlusRefusal(400, "Tags may hold only A-Z a-z 0-9 _ - :.");
    }

    private static int? SyncDeliveryTimeout(JsonElement root)
    {
        var field = FakeFanapPlusJson.Field(root, "SyncDeliveryTimeout");
        var text = field switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
            _ => string.Empty,
        };
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds <= MaxSyncDeliveryTimeout
            ? milliseconds
            : throw new FakeFanapPlusRefusal(400, "SyncDeliveryTimeout must be a number of milliseconds up to 20000.");
    }

    private static void CheckOptionalDate(JsonElement body, string name)
    {
        if (FakeFanapPlusJson.Text(body, name) is { } value)
        {
            CheckDate(name, value);
        }
    }

    private static void CheckDate(string name, string value)
    {
        if (!DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
        {
            throw new FakeFanapPlusRefusal(400, $"{name} must be UTC as yyyy-MM-ddTHH:mm:ss.fffZ.");
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("^09[0-9]{9}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex("^[A-Za-z0-9_:-]+$")]
    private static partial Regex TagText();
}

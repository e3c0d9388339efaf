using System.Globalization;
using System.IO.Compression;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rasan.Providers;
using Rasan.Testing.Providers;

namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>
/// A faithful local fake of FanapPlus's v6 <c>message/post</c> (providers/fanapplus.md §6): JSON, <c>application/gzip</c>
/// and <c>Content-Encoding: gzip</c> bodies, UTF-8 only, field names case-insensitive; the contract's validation (400 with
/// a plain-text reason); every message's signature verified with its service's public key, with the service's field
/// order and empty-field rule (a mismatch answers <see cref="SignatureFailureStatus"/>, 403 by default); AppId and
/// phone-number permissions (403); one 32-hex Puid per call and one Muid per message in order; <c>Uid</c>
/// deduplication (the first answer, nothing billed twice); scripted synchronous <c>Details</c>, held for as long as
/// the script takes within <c>SyncDeliveryTimeout</c> and left out when it takes longer; injected faults; and a
/// record of every decoded call and signed string. Requests carry no secret (the private key never leaves Rasan), so
/// nothing needs redacting.
/// </summary>
public sealed partial class FakeFanapPlusServer : FakeHttpServer, IProviderFake
{
    /// <summary>The send path.</summary>
    public const string PostPath = "/api/v6.0/message/post";

    /// <summary>The default service's id.</summary>
    public const string DefaultSid = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    /// <summary>The reason of an injected transient failure.</summary>
    public const string UnavailableText = "Service is temporarily unavailable.";

    /// <summary>The reason of an injected permanent failure.</summary>
    public const string InvalidChannelText = "ChannelType 'Imi' is not enabled for this service.";

    /// <summary>The reason of an injected credit failure.</summary>
    public const string NoCreditText = "The service's credit is not enough for this request.";

    private const int MaxBodyBytes = 16 << 20;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeFanapPlusAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeFanapPlusMessage> _messages = [];
    private readonly Dictionary<string, int> _bills = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (int Status, string Body)> _answersByUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeFanapPlusDetail> _details = new(StringComparer.Ordinal);
    private readonly List<FakeFanapPlusFault> _faults = [];
    private readonly List<FakeFanapPlusCall> _calls = [];
    private readonly List<string> _secrets = [];

    /// <summary>Creates the fake with one service, <see cref="DefaultSid"/>, verifying with <see cref="FakeFanapPlusKeys.Default"/>.</summary>
    public FakeFanapPlusServer()
    {
        DefaultAccount = AddAccount(DefaultSid, FakeFanapPlusKeys.PublicOf(FakeFanapPlusKeys.Default));
        _secrets.AddRange(FakeFanapPlusKeys.SecretsOf(FakeFanapPlusKeys.DefaultPrivatePem));
    }

    /// <summary>The service <see cref="CreateAccount"/> uses.</summary>
    public FakeFanapPlusAccount DefaultAccount { get; }

    /// <summary>The status a signature that does not verify gets: 403 as the issue observed; the contract allows 400.</summary>
    public int SignatureFailureStatus { get; set; } = 403;

    /// <summary>Whether a message on channel <c>Mtn</c> (Irancell) must carry <c>ReplyTo</c>.</summary>
    public bool RequireReplyToForMtn { get; set; } = true;

    /// <summary>How a repeated <c>Uid</c> is answered.</summary>
    public FakeFanapPlusDuplicateUid DuplicateUid { get; set; } = FakeFanapPlusDuplicateUid.FirstAnswer;

    /// <summary>The most messages one call may carry.</summary>
    public int MaxMessagesPerCall { get; set; } = 1_000;

    /// <summary>The <c>Details</c> status of a delivered script (real names other than NotSupported are unknown).</summary>
    public string DeliveredStatus { get; set; } = "Delivered";

    /// <summary>The <c>Details</c> status of a failed script.</summary>
    public string FailedStatus { get; set; } = "Failed";

    /// <summary>The <c>Details</c> status of a message without a script in a call that has scripted ones.</summary>
    public string PendingStatus { get; set; } = "Sent";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Secrets => Locked<IReadOnlyCollection<string>>(() => [.. _secrets]);

    /// <inheritdoc />
    /// <remarks>FanapPlus documents no balance query.</remarks>
    public AccountInfo AccountInfo { get; } = new(null, null, null);

    /// <summary>Every message taken so far, in order.</summary>
    public IReadOnlyList<FakeFanapPlusMessage> Messages => Locked<IReadOnlyList<FakeFanapPlusMessage>>(() => [.. _messages]);

    /// <summary>Every <c>message/post</c> call decoded so far, in order.</summary>
    public IReadOnlyList<FakeFanapPlusCall> Calls => Locked<IReadOnlyList<FakeFanapPlusCall>>(() => [.. _calls]);

    /// <summary>Adds a service.</summary>
    /// <param name="sid">Its id.</param>
    /// <param name="publicKey">The key its signatures are verified with.</param>
    /// <returns>The service, whose rules a test may change.</returns>
    public FakeFanapPlusAccount AddAccount(string sid, RSA publicKey) => Locked(() =>
    {
        var account = new FakeFanapPlusAccount(sid, publicKey);
        _accounts.Add(sid, account);
        return account;
    });

    /// <summary>Adds texts that must never appear in logs (the private keys a test hands to Rasan).</summary>
    /// <param name="privateKeyText">A private key text.</param>
    public void AddSecret(string privateKeyText) => Locked(() => _secrets.AddRange(FakeFanapPlusKeys.SecretsOf(privateKeyText)));

    /// <summary>Queues a fault for the next call.</summary>
    /// <param name="fault">The fault.</param>
    public void Inject(FakeFanapPlusFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Locked(() => _faults.Add(fault));
    }

    /// <summary>Scripts the synchronous <c>Details</c> entry of messages to a target, answered when a call asks with <c>SyncDeliveryTimeout</c>.</summary>
    /// <param name="target">The UserPhoneNumber (<c>09…</c>) or AccountId.</param>
    /// <param name="detail">The entry.</param>
    public void ScriptDetails(string target, FakeFanapPlusDetail detail) => Locked(() => _details[target] = detail);

    /// <inheritdoc />
    public ProviderAccount CreateAccount() => new()
    {
        Id = AccountId.New(Time.GetUtcNow()),
        Name = "fanapplus-test",
        ProviderType = "fanapplus",
        Channel = Channel.Sms,
        Settings = new Dictionary<string, string>
        {
            ["sid"] = DefaultSid,
            ["privateKey"] = FakeFanapPlusKeys.DefaultPrivatePem,
            ["channelType"] = "Imi",
        },
        CreatedAt = Time.GetUtcNow(),
    };

    /// <inheritdoc />
    public ProviderFaultAnswer InjectFault(ProviderFault fault)
    {
        var (injected, answer) = fault switch
        {
            ProviderFault.Transient => (FakeFanapPlusFault.Status(503, UnavailableText), new ProviderFaultAnswer("503", UnavailableText)),
            ProviderFault.Permanent => (FakeFanapPlusFault.Status(400, InvalidChannelText), new ProviderFaultAnswer("400", InvalidChannelText)),
            ProviderFault.InsufficientCredit => (FakeFanapPlusFault.Status(403, NoCreditText), new ProviderFaultAnswer("403", NoCreditText)),
            ProviderFault.Timeout => (FakeFanapPlusFault.Slow(TimeSpan.FromSeconds(30)), new ProviderFaultAnswer(null, null)),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
        Inject(injected);
        return answer;
    }

    /// <inheritdoc />
    /// <remarks>Messages are known by the <c>rasan:</c> tag that carries their Rasan id.</remarks>
    public int TotalBilled => Locked(() => _bills.Values.Sum());

    /// <inheritdoc />
    public int BillableSends(MessageId messageId)
        => Locked(() => _bills.GetValueOrDefault(FanapPlusCallBuilder.TagOf(messageId)));

    /// <inheritdoc />
    public void ScriptDelivery(string recipient, DeliveryState state)
        => ScriptDetails(FanapPlusRecipient.ToNational(recipient) ?? recipient, state == DeliveryState.Delivered
            ? new FakeFanapPlusDetail(DeliveredStatus, null, null)
            : new FakeFanapPlusDetail(FailedStatus, "GH-500", "The message was not delivered."));

    /// <inheritdoc />
    protected override async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.Path.Value?.TrimEnd('/'), PostPath, StringComparison.OrdinalIgnoreCase))
        {
            await WriteTextAsync(context, 404, "Not found.");
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            await WriteTextAsync(context, 405, "Method not allowed.");
            return;
        }

        var (json, wireBytes, gzipped, problem) = await ReadBodyAsync(request);
        JsonElement? body = null;
        if (problem is null)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                problem = (400, "The body is not JSON.");
            }
        }

        var fault = Locked(() =>
        {
            Record(new ProviderFakeRequest(request.Method, request.Path.Value ?? "/", RecordedParameters(body), Time.GetUtcNow()));
            var next = _faults.Count > 0 ? _faults[0] : null;
            if (next is not null)
            {
                _faults.RemoveAt(0);
            }

            return next;
        });

        if (fault?.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        switch (fault?.Kind)
        {
            case FakeFanapPlusFaultKind.Status:
                Call(request, gzipped, wireBytes, json, [], fault.Code, fault.Text);
                await WriteTextAsync(context, fault.Code, fault.Text);
                return;
            case FakeFanapPlusFaultKind.NonJson:
                Call(request, gzipped, wireBytes, json, [], fault.Code, null);
                context.Response.StatusCode = fault.Code;
                context.Response.ContentType = MediaTypeNames.Text.Html;
                await context.Response.WriteAsync($"<html><head><title>{fault.Code}</title></head><body><h1>{fault.Code}</h1><hr>nginx</body></html>");
                return;
            case FakeFanapPlusFaultKind.Reset:
                context.Abort();
                return;
        }

        var signed = new List<string>();
        int status;
        string answer;
        var syncWait = TimeSpan.Zero;
        if (problem is { } refused)
        {
            (status, answer) = refused;
        }
        else
        {
            try
            {
                (answer, syncWait) = Locked(() => Post(body!.Value, signed));
                status = 200;
            }
            catch (FakeFanapPlusRefusal refusal)
            {
                (status, answer) = (refusal.Status, refusal.Message);
            }
        }

        Call(request, gzipped, wireBytes, json, signed, status, status == 200 ? null : answer);
        if (syncWait > TimeSpan.Zero)
        {
            await HoldAsync(context, syncWait);
        }

        if (fault?.Kind == FakeFanapPlusFaultKind.Slow)
        {
            await HoldAsync(context, fault.Hold);
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        if (status == 200)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer);
        }
        else
        {
            await WriteTextAsync(context, status, answer);
        }
    }

    private void Call(HttpRequest request, bool gzipped, long wireBytes, string json, IReadOnlyList<string> signed, int status, string? reason)
        => Locked(() => _calls.Add(new FakeFanapPlusCall(
            request.ContentType, request.Headers.ContentEncoding.ToString() is { Length: > 0 } encoding ? encoding : null, gzipped, wireBytes, json, [.. signed], status, reason)));

    /// <summary>Reads the body, gunzipping it when its type or encoding says gzip; only UTF-8 JSON is taken.</summary>
    private static async Task<(string Json, long WireBytes, bool Gzipped, (int, string)? Problem)> ReadBodyAsync(HttpRequest request)
    {
        using var raw = new MemoryStream();
        await request.Body.CopyToAsync(raw, request.HttpContext.RequestAborted);
        if (raw.Length > MaxBodyBytes)
        {
            return (string.Empty, raw.Length, false, (413, "The request is too large."));
        }

        var mediaType = request.ContentType is { } contentType && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed : null;
        var type = mediaType?.MediaType.Value;
        var charset = mediaType?.Charset.Value;
        var encodedGzip = string.Equals(request.Headers.ContentEncoding.ToString(), "gzip", StringComparison.OrdinalIgnoreCase);
        var gzipped = encodedGzip || string.Equals(type, "application/gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzipped && !string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (string.Empty, raw.Length, false, (415, "Content-Type must be application/json or application/gzip."));
        }

        if (charset is { Length: > 0 } && !string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (string.Empty, raw.Length, gzipped, (400, "Only UTF-8 is accepted."));
        }

        var bytes = raw.ToArray();
        if (gzipped)
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                await gzip.CopyToAsync(plain);
                bytes = plain.ToArray();
            }
            catch (InvalidDataException)
            {
                return (string.Empty, raw.Length, gzipped, (400, "The gzip body could not be decompressed."));
            }
        }

        try
        {
            return (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes), raw.Length, gzipped, null);
        }
        catch (DecoderFallbackException)
        {
            return (string.Empty, raw.Length, gzipped, (400, "Only UTF-8 is accepted."));
        }
    }

    /// <summary>The root's fields and each message's, as <c>Messages[i].Field</c>.</summary>
    private static Dictionary<string, string> RecordedParameters(JsonElement? body)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (body is not { ValueKind: JsonValueKind.Object } root)
        {
            return parameters;
        }

        foreach (var field in root.EnumerateObject())
        {
            if (field.Value.ValueKind == JsonValueKind.Array && string.Equals(field.Name, "Messages", StringComparison.OrdinalIgnoreCase))
            {
                var index = 0;
                foreach (var message in field.Value.EnumerateArray())
                {
                    if (message.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var part in message.EnumerateObject())
                        {
                            parameters[string.Create(CultureInfo.InvariantCulture, $"Messages[{index}].{part.Name}")] = FakeFanapPlusJson.Flat(part.Value);
                        }
                    }

                    index++;
                }
            }
            else
            {
                parameters[field.Name] = FakeFanapPlusJson.Flat(field.Value);
            }
        }

        return parameters;
    }

    private static async Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text);
    }

    private void Locked(Action change)
    {
        lock (_lock)
        {
            change();
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }
}

using System.Globalization;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rasan.Providers;
using Rasan.Testing.Providers;

namespace Rasan.Providers.Ghasedak.Tests.Fake;

/// <summary>
/// A faithful local fake of the Ghasedak gateway API (providers/ghasedak.md §5) for the methods Rasan uses:
/// <c>SendSingleSMS</c>, <c>SendBulkSMS</c>, <c>SendPairToPairSMS</c>, <c>CheckSmsStatus</c> and
/// <c>GetAccountInformation</c> under <c>/rest/api/v1/WebService/</c> (paths, query and JSON field names
/// case-insensitive; chunked bodies taken); the <c>ApiKey</c> header (missing or unknown: 401); the contract's
/// validation (400); a credit model (parts × price, 402 with nothing stored); string-digit message ids;
/// <c>clientReferenceId</c> deduplication without a second charge; scripted status progressions per receptor; injected
/// faults; and a record of every request with the key redacted.
/// </summary>
public sealed partial class FakeGhasedakServer : FakeHttpServer, IProviderFake
{
    /// <summary>The default account's line.</summary>
    public const string DefaultLine = "30005088";

    /// <summary>The gateway's path, relative to the server root.</summary>
    public const string GatewayPath = "rest/api/v1/WebService/";

    /// <summary>The offset the gateway writes dates with.</summary>
    public static readonly TimeSpan TehranOffset = new(3, 30, 0);

    private const string ApiKeyHeader = "ApiKey";

    private static readonly string[] Methods = ["SendSingleSMS", "SendBulkSMS", "SendPairToPairSMS", "CheckSmsStatus", "GetAccountInformation"];
    private static readonly JsonSerializerOptions CamelCaseJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions PascalCaseJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DictionaryKeyPolicy = new FakePascalCasePolicy(),
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeGhasedakAccount> _accounts = new(StringComparer.Ordinal);
    private readonly List<FakeGhasedakMessage> _messages = [];
    private readonly Dictionary<string, int[]> _scripts = new(StringComparer.Ordinal);
    private readonly List<FakeGhasedakFault> _faults = [];
    private readonly List<IReadOnlyList<string>> _headerNames = [];
    private long _lastMessageId = 4_247;

    /// <summary>Creates the fake with one account: a random key, line <see cref="DefaultLine"/>, 10,000,000 rials.</summary>
    public FakeGhasedakServer() => DefaultAccount = AddAccount(NewKey(), [DefaultLine], credit: 10_000_000);

    /// <summary>The account <see cref="CreateAccount"/> uses.</summary>
    public FakeGhasedakAccount DefaultAccount { get; }

    /// <summary>The gateway's address: what <see cref="GhasedakOptions.BaseAddress"/> must be.</summary>
    public Uri GatewayAddress => new(BaseAddress, GatewayPath);

    /// <inheritdoc />
    Uri IProviderFake.BaseAddress => GatewayAddress;

    /// <summary>The price of one SMS part, in rials.</summary>
    public long PricePerPart { get; set; } = 1_805;

    /// <summary>The <c>statusCode</c> (and HTTP status) of a send the credit does not cover.</summary>
    public int InsufficientCreditStatusCode { get; set; } = 402;

    /// <summary>Whether a repeated <c>clientReferenceId</c> gets the first result, unbilled.</summary>
    public bool DeduplicateReferences { get; set; } = true;

    /// <summary>The most messages one send call may carry.</summary>
    public int MaxItemsPerCall { get; set; } = 500;

    /// <summary>The status of a sent message whose receptor has no script (10, sent to provider).</summary>
    public int UnscriptedStatus { get; set; } = 10;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Secrets => Locked<IReadOnlyCollection<string>>(() => [.. _accounts.Keys]);

    /// <inheritdoc />
    public AccountInfo AccountInfo => Locked(() => new AccountInfo(DefaultAccount.Credit, "IRR", DefaultAccount.ExpiresAt));

    /// <summary>Every message stored so far, in order.</summary>
    public IReadOnlyList<FakeGhasedakMessage> Messages => Locked<IReadOnlyList<FakeGhasedakMessage>>(() => [.. _messages]);

    /// <summary>The names (never the values) of each request's headers, in the order of <see cref="FakeHttpServer.Requests"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RequestHeaderNames => Locked<IReadOnlyList<IReadOnlyList<string>>>(() => [.. _headerNames]);

    /// <summary>A new random API key.</summary>
    /// <returns>64 hex digits.</returns>
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Adds an account.</summary>
    /// <param name="apiKey">Its key.</param>
    /// <param name="lines">Its lines.</param>
    /// <param name="credit">Its credit in rials.</param>
    /// <returns>The account.</returns>
    public FakeGhasedakAccount AddAccount(string apiKey, IReadOnlyList<string> lines, long credit)
        => Locked(() =>
        {
            var account = new FakeGhasedakAccount(apiKey, lines, credit, new DateTimeOffset(2027, 3, 20, 23, 59, 59, TehranOffset));
            _accounts.Add(apiKey, account);
            return account;
        });

    /// <summary>Sets an account's credit.</summary>
    /// <param name="account">The account.</param>
    /// <param name="credit">Rials.</param>
    public void SetCredit(FakeGhasedakAccount account, long credit)
    {
        ArgumentNullException.ThrowIfNull(account);
        Locked(() => account.Credit = credit);
    }

    /// <summary>Queues a fault for the next call it covers.</summary>
    /// <param name="fault">The fault.</param>
    public void Inject(FakeGhasedakFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Locked(() => _faults.Add(fault));
    }

    /// <summary>
    /// Scripts the statuses successive <c>CheckSmsStatus</c> calls report for messages to a receptor: each call moves a
    /// message one step, then it stays on the last; such as <c>10, 11, 14</c>. Applies to messages already sent too.
    /// </summary>
    /// <param name="receptor">The number, in any form.</param>
    /// <param name="statuses">Codes of the Python SDK's table.</param>
    public void ScriptStatuses(string receptor, params int[] statuses) => Locked(() => _scripts[Significant(receptor)] = statuses);

    /// <inheritdoc />
    public ProviderAccount CreateAccount() => new()
    {
        Id = AccountId.New(Time.GetUtcNow()),
        Name = "ghasedak-test",
        ProviderType = "ghasedak",
        Channel = Channel.Sms,
        Sender = DefaultLine,
        Settings = new Dictionary<string, string> { ["apiKey"] = DefaultAccount.ApiKey },
        CreatedAt = Time.GetUtcNow(),
    };

    /// <inheritdoc />
    public ProviderFaultAnswer InjectFault(ProviderFault fault)
    {
        var (injected, code) = fault switch
        {
            ProviderFault.Transient => (FakeGhasedakFault.Status(503), 503),
            ProviderFault.Permanent => (FakeGhasedakFault.Status(400), 400),
            ProviderFault.Timeout => (FakeGhasedakFault.Slow(TimeSpan.FromSeconds(30)), 0),
            ProviderFault.InsufficientCredit => (FakeGhasedakFault.InsufficientCredit(), InsufficientCreditStatusCode),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
        Inject(injected);
        return code == 0
            ? new ProviderFaultAnswer(null, null)
            : new ProviderFaultAnswer(code.ToString(CultureInfo.InvariantCulture), code == InsufficientCreditStatusCode ? FakeGhasedakTexts.NoCredit : FakeGhasedakTexts.ForStatus(code));
    }

    /// <inheritdoc />
    public int TotalBilled => Locked(() => _messages.Count);

    /// <inheritdoc />
    public int BillableSends(MessageId messageId)
    {
        var reference = messageId.ToString();
        return Locked(() => _messages.Count(m => m.ClientReferenceId == reference));
    }

    /// <inheritdoc />
    public void ScriptDelivery(string recipient, DeliveryState state)
        => ScriptStatuses(recipient, state switch
        {
            DeliveryState.Delivered => 14,
            DeliveryState.Failed or DeliveryState.Expired => 13,
            _ => 11,
        });

    /// <inheritdoc />
    protected override async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var method = MethodOf(request.Path);
        var (body, malformed) = await ReadBodyAsync(request);
        Locked(() =>
        {
            Record(new ProviderFakeRequest(request.Method, request.Path.Value ?? "/", RecordedParameters(request, body), Time.GetUtcNow()));
            _headerNames.Add([.. request.Headers.Keys]);
        });

        if (method is null)
        {
            await WriteAsync(context, 404, 404, FakeGhasedakTexts.ForStatus(404), data: null, pascalCase: false);
            return;
        }

        var fault = TakeFault(method);
        if (fault?.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        switch (fault?.Kind)
        {
            case FakeGhasedakFaultKind.Status:
                await WriteAsync(context, fault.Code, fault.Code, FakeGhasedakTexts.ForStatus(fault.Code), data: null, pascalCase: false);
                return;
            case FakeGhasedakFaultKind.FailureWithHttp200:
                await WriteAsync(context, 200, fault.Code, FakeGhasedakTexts.ForStatus(fault.Code), data: null, pascalCase: false);
                return;
            case FakeGhasedakFaultKind.NonJson:
                context.Response.StatusCode = fault.Code;
                context.Response.ContentType = MediaTypeNames.Text.Html;
                await context.Response.WriteAsync($"<html><head><title>{fault.Code}</title></head><body><center><h1>{fault.Code} Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>");
                return;
            case FakeGhasedakFaultKind.Reset:
                context.Abort();
                return;
            case FakeGhasedakFaultKind.Redirect:
                context.Response.StatusCode = 307;
                context.Response.Headers.Location = "/collect/" + method;
                return;
        }

        int status;
        string text;
        object? data;
        try
        {
            data = Answer(method, request, body, malformed, noCredit: fault?.Kind == FakeGhasedakFaultKind.InsufficientCredit);
            (status, text) = (200, FakeGhasedakTexts.Success);
        }
        catch (FakeGhasedakRefusal refusal)
        {
            (status, text, data) = (refusal.StatusCode, refusal.Message, null);
        }

        if (fault?.Kind == FakeGhasedakFaultKind.Slow)
        {
            await HoldAsync(context, fault.Hold);
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        await WriteAsync(context, status, status, text, data, pascalCase: fault?.Kind == FakeGhasedakFaultKind.PascalCase);
    }

    private object Answer(string method, HttpRequest request, JsonElement? body, bool malformed, bool noCredit)
    {
        lock (_lock)
        {
            var key = request.Headers[ApiKeyHeader].ToString();
            if (key.Length == 0 || !_accounts.TryGetValue(key, out var account))
            {
                throw new FakeGhasedakRefusal(401, FakeGhasedakTexts.InvalidKey);
            }

            var sending = method.StartsWith("Send", StringComparison.Ordinal);
            if (!(sending ? HttpMethods.IsPost(request.Method) : HttpMethods.IsGet(request.Method)))
            {
                throw new FakeGhasedakRefusal(405, FakeGhasedakTexts.ForStatus(405));
            }

            JsonElement json = default;
            if (sending)
            {
                json = !malformed && body is { ValueKind: JsonValueKind.Object } parsed
                    ? parsed
                    : throw new FakeGhasedakRefusal(400, FakeGhasedakTexts.MalformedBody);
            }

            return method switch
            {
                "SendSingleSMS" => SendSingle(account, json, noCredit),
                "SendBulkSMS" => SendBulk(account, json, noCredit),
                "SendPairToPairSMS" => SendPair(account, json, noCredit),
                "CheckSmsStatus" => CheckStatus(account, request.Query),
                _ => AccountInformation(account),
            };
        }
    }

    /// <summary>Removes and returns the oldest fault covering the method.</summary>
    private FakeGhasedakFault? TakeFault(string method) => Locked(() =>
    {
        var fault = _faults.Find(f => f.Covers(method));
        return fault is not null && _faults.Remove(fault) ? fault : null;
    });

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

    /// <summary>The canonical method a path names under the gateway path (case-insensitive), or <see langword="null"/>.</summary>
    private static string? MethodOf(PathString path)
    {
        var value = path.Value ?? string.Empty;
        var prefix = "/" + GatewayPath;
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = value[prefix.Length..].TrimEnd('/');
        return Array.Find(Methods, m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<(JsonElement? Body, bool Malformed)> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, false);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return (document.RootElement.Clone(), false);
        }
        catch (JsonException)
        {
            return (null, true);
        }
    }

    /// <summary>The query, the body's top-level fields and whether a key was sent (its value never).</summary>
    private static Dictionary<string, string> RecordedParameters(HttpRequest request, JsonElement? body)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Query)
        {
            parameters[name] = string.Join(',', values.ToArray());
        }

        if (body is { ValueKind: JsonValueKind.Object } fields)
        {
            foreach (var field in fields.EnumerateObject())
            {
                parameters[field.Name] = FakeGhasedakJson.Flat(field.Value);
            }
        }

        if (request.Headers.ContainsKey(ApiKeyHeader))
        {
            parameters[ApiKeyHeader] = "***";
        }

        return parameters;
    }

    private static async Task WriteAsync(HttpContext context, int httpStatus, int statusCode, string text, object? data, bool pascalCase)
    {
        var envelope = new Dictionary<string, object?>
        {
            ["isSuccess"] = statusCode == 200,
            ["statusCode"] = statusCode,
            ["message"] = text,
            ["data"] = data,
        };
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(envelope, pascalCase ? PascalCaseJson : CamelCaseJson));
    }

    /// <summary>A number's last ten digits: the same key whether it was written +98…, 0098… or 0….</summary>
    private static string Significant(string receptor) => string.Concat(receptor.Where(char.IsAsciiDigit).TakeLast(10));
}

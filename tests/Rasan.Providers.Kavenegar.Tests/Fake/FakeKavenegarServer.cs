using System.Globalization;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Rasan.Providers;
using Rasan.Testing.Providers;

namespace Rasan.Providers.Kavenegar.Tests.Fake;

/// <summary>
/// A faithful local fake of the Kavenegar REST API (providers/kavenegar.md §5): routes
/// <c>/v1/{key}/{scope}/{method}.json</c> (GET or POST, query and UTF-8 form parameters) for <c>sms/send</c>,
/// <c>sms/sendarray</c>, <c>sms/status</c>, <c>sms/statuslocalmessageid</c>, <c>sms/cancel</c>, <c>account/info</c>
/// and <c>utils/getdate</c>; keys per account (unknown 403, disabled 401); Kavenegar's validation codes; a credit
/// model (parts × price, 70/160 rule, 418 with nothing stored); increasing message ids; <c>localid</c> deduplication
/// without a second charge; scripted status progressions per receptor; injected faults; and a record of every
/// request with the key masked.
/// </summary>
public sealed partial class FakeKavenegarServer : FakeHttpServer, IProviderFake
{
    /// <summary>The default account's sender line.</summary>
    public const string DefaultLine = "10004346";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeKavenegarAccount> _accounts = new(StringComparer.Ordinal);
    private readonly List<FakeKavenegarMessage> _messages = [];
    private readonly Dictionary<string, int[]> _scripts = new(StringComparer.Ordinal);
    private readonly List<FakeKavenegarFault> _faults = [];
    private long _lastMessageId = 8_792_342;

    /// <summary>Creates the fake with one account (a random key, line <see cref="DefaultLine"/>, 1,000,000 rials).</summary>
    public FakeKavenegarServer() => DefaultAccount = AddAccount(NewKey(), [DefaultLine], balance: 1_000_000);

    /// <summary>The account <see cref="CreateAccount"/> uses.</summary>
    public FakeKavenegarAccount DefaultAccount { get; }

    /// <summary>The price of one message part, in rials.</summary>
    public long PricePerPart { get; set; } = 120;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Secrets
    {
        get
        {
            lock (_lock)
            {
                return [.. _accounts.Keys];
            }
        }
    }

    /// <inheritdoc />
    public AccountInfo AccountInfo
    {
        get
        {
            lock (_lock)
            {
                return new AccountInfo(DefaultAccount.Balance, "IRR", DefaultAccount.ExpiresAt);
            }
        }
    }

    /// <summary>Every message stored so far, in order.</summary>
    public IReadOnlyList<FakeKavenegarMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>A new random key of the shape Kavenegar issues (hex, upper case).</summary>
    /// <returns>The key.</returns>
    public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(40));

    /// <summary>Adds an account.</summary>
    /// <param name="key">Its API key.</param>
    /// <param name="lines">Its sender lines; the first is the default.</param>
    /// <param name="balance">Its credit in rials.</param>
    /// <returns>The account.</returns>
    public FakeKavenegarAccount AddAccount(string key, IReadOnlyList<string> lines, long balance)
    {
        var account = new FakeKavenegarAccount(key, lines, balance, new DateTimeOffset(2027, 3, 21, 0, 0, 0, TimeSpan.Zero));
        lock (_lock)
        {
            _accounts.Add(key, account);
        }

        return account;
    }

    /// <summary>Sets an account's credit.</summary>
    /// <param name="account">The account.</param>
    /// <param name="balance">The credit in rials.</param>
    public void SetBalance(FakeKavenegarAccount account, long balance)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_lock)
        {
            account.Balance = balance;
        }
    }

    /// <summary>Disables or enables an account (disabled: 401).</summary>
    /// <param name="account">The account.</param>
    /// <param name="disabled">Whether it is disabled.</param>
    public void SetDisabled(FakeKavenegarAccount account, bool disabled)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_lock)
        {
            account.Disabled = disabled;
        }
    }

    /// <summary>Queues a fault for the next call it applies to.</summary>
    /// <param name="fault">The fault.</param>
    public void Inject(FakeKavenegarFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>
    /// Scripts the statuses that successive status queries report for messages to a receptor (each query moves one
    /// step, then stays on the last), such as <c>1, 4, 10</c> or <c>14</c>. Applies to messages already sent too.
    /// </summary>
    /// <param name="receptor">The number, in any form.</param>
    /// <param name="statuses">The statuses.</param>
    public void ScriptStatuses(string receptor, params int[] statuses)
    {
        lock (_lock)
        {
            _scripts[Significant(receptor)] = statuses;
        }
    }

    /// <inheritdoc />
    public ProviderAccount CreateAccount() => new()
    {
        Id = AccountId.New(Time.GetUtcNow()),
        Name = "kavenegar-test",
        ProviderType = "kavenegar",
        Channel = Channel.Sms,
        Sender = DefaultLine,
        Settings = new Dictionary<string, string> { ["apiKey"] = DefaultAccount.Key },
        CreatedAt = Time.GetUtcNow(),
    };

    /// <inheritdoc />
    public ProviderFaultAnswer InjectFault(ProviderFault fault)
    {
        switch (fault)
        {
            case ProviderFault.Transient:
                Inject(FakeKavenegarFault.Status(409));
                return new ProviderFaultAnswer("409", FakeKavenegarTexts.Return(409));
            case ProviderFault.Permanent:
                Inject(FakeKavenegarFault.Status(411));
                return new ProviderFaultAnswer("411", FakeKavenegarTexts.Return(411));
            case ProviderFault.Timeout:
                Inject(FakeKavenegarFault.Slow(TimeSpan.FromSeconds(30)));
                return new ProviderFaultAnswer(null, null);
            case ProviderFault.InsufficientCredit:
                Inject(FakeKavenegarFault.InsufficientCredit());
                return new ProviderFaultAnswer("418", FakeKavenegarTexts.Return(418));
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    /// <inheritdoc />
    public int TotalBilled
    {
        get
        {
            lock (_lock)
            {
                return _messages.Count;
            }
        }
    }

    /// <inheritdoc />
    public int BillableSends(MessageId messageId)
    {
        var localId = KavenegarLocalId.Format(messageId);
        lock (_lock)
        {
            return _messages.Count(m => m.LocalId == localId);
        }
    }

    /// <inheritdoc />
    public void ScriptDelivery(string recipient, DeliveryState state)
        => ScriptStatuses(recipient, state switch
        {
            DeliveryState.Delivered => 10,
            DeliveryState.Failed => 6,
            DeliveryState.Expired => 11,
            _ => 4,
        });

    /// <inheritdoc />
    protected override async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var parameters = await ReadParametersAsync(request);
        var route = segments.Length == 4 && segments[0] == "v1" && segments[3].EndsWith(".json", StringComparison.Ordinal)
            ? new Route(segments[1], $"{segments[2]}/{segments[3][..^".json".Length]}")
            : null;
        Record(new ProviderFakeRequest(
            request.Method,
            route is null ? "/***" : $"/v1/***/{route.Method}.json",
            parameters,
            Time.GetUtcNow()));

        if (route is null)
        {
            await WriteAsync(context, 404, 404, null);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            await WriteAsync(context, 405, 405, null);
            return;
        }

        var fault = TakeFault(route.Method);
        switch (fault?.Kind)
        {
            case FakeKavenegarFaultKind.Status:
                AddRetryAfter(context, fault);
                await WriteAsync(context, fault.Code, fault.Code, null);
                return;
            case FakeKavenegarFaultKind.StatusWithHttp200:
                await WriteAsync(context, 200, fault.Code, null);
                return;
            case FakeKavenegarFaultKind.NonJson:
                AddRetryAfter(context, fault);
                context.Response.StatusCode = fault.Code;
                context.Response.ContentType = MediaTypeNames.Text.Html;
                await context.Response.WriteAsync($"<html><body><h1>{fault.Code} Bad Gateway</h1>nginx</body></html>");
                return;
            case FakeKavenegarFaultKind.Reset:
                context.Abort();
                return;
        }

        int status;
        object? entries;
        try
        {
            (status, entries) = Answer(route, parameters, insufficientCredit: fault?.Kind == FakeKavenegarFaultKind.InsufficientCredit);
        }
        catch (FakeKavenegarRefusal refusal)
        {
            (status, entries) = (refusal.Status, null);
        }

        if (fault?.Kind == FakeKavenegarFaultKind.Slow)
        {
            await HoldAsync(context, fault.Hold ?? TimeSpan.FromSeconds(30));
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        await WriteAsync(context, status, status, entries);
    }

    private (int Status, object? Entries) Answer(Route route, Dictionary<string, string> parameters, bool insufficientCredit)
    {
        if (route.Method == "utils/getdate")
        {
            return (200, GetDate());
        }

        lock (_lock)
        {
            if (!_accounts.TryGetValue(route.Key, out var account))
            {
                throw new FakeKavenegarRefusal(403);
            }

            if (account.Disabled)
            {
                throw new FakeKavenegarRefusal(401);
            }

            return route.Method switch
            {
                "sms/send" => (200, Send(account, parameters, insufficientCredit)),
                "sms/sendarray" => (200, SendArray(account, parameters, insufficientCredit)),
                "sms/status" => (200, Status(account, parameters)),
                "sms/statuslocalmessageid" => (200, StatusByLocalId(account, parameters)),
                "sms/cancel" => (200, Cancel(account, parameters)),
                "account/info" => (200, Info(account)),
                _ => throw new FakeKavenegarRefusal(404),
            };
        }
    }

    private FakeKavenegarFault? TakeFault(string method)
    {
        lock (_lock)
        {
            var index = _faults.FindIndex(f => f.AppliesTo(method));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private static void AddRetryAfter(HttpContext context, FakeKavenegarFault fault)
    {
        if (fault.RetryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static async Task WriteAsync(HttpContext context, int httpStatus, int returnStatus, object? entries)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        var envelope = new Dictionary<string, object?>
        {
            ["return"] = new Dictionary<string, object> { ["status"] = returnStatus, ["message"] = FakeKavenegarTexts.Return(returnStatus) },
            ["entries"] = entries,
        };
        await context.Response.WriteAsync(JsonSerializer.Serialize(envelope, Json));
    }

    private static string Significant(string receptor)
    {
        var digits = new string([.. receptor.Where(char.IsAsciiDigit)]);
        return digits.Length > 10 ? digits[^10..] : digits;
    }

    [GeneratedRegex(@"^(\+98|0098|98|0)?9\d{9}$")]
    private static partial Regex ReceptorPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,200}$")]
    private static partial Regex TagPattern();

    private sealed record Route(string Key, string Method);
}

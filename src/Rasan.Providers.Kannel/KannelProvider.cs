using System.Net.Http;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rasan.Telemetry;
using Rasan.Providers.Http;

namespace Rasan.Providers.Kannel;

/// <summary>
/// Sends SMS through a Kannel smsbox's HTTP <c>sendsms</c> interface. Kannel's answer names no message: with delivery
/// reports each message needs its own report URL (carrying the Rasan message id), so every message is its own request;
/// without them, messages with the same text share one request to several recipients. The requests of one batch run
/// side by side, at most <see cref="KannelOptions.MaxConcurrentRequests"/> at a time.
/// </summary>
internal sealed partial class KannelProvider : IMessageProvider, ICallbackParser, IAccountValidator
{
    private const int MaxAnswerLength = 1024;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly KannelOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<KannelProvider> _logger;

    public KannelProvider(
        IHttpClientFactory httpClientFactory, IOptions<KannelOptions> options, TimeProvider time, ILogger<KannelProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _time = time;
        _logger = logger;
        Descriptor = new ProviderDescriptor
        {
            Type = KannelDefaults.ProviderType,
            DisplayName = "Kannel (SMS gateway)",
            Channel = Channel.Sms,
            MaxBatchSize = _options.MaxBatchSize,
            Fields = Fields,
        };
    }

    /// <summary>The account fields, in the order a form shows them.</summary>
    internal static IReadOnlyList<ProviderField> Fields { get; } =
    [
        new(KannelDefaults.UrlField, "smsbox sendsms URL", Required: true),
        new(KannelDefaults.UsernameField, "sendsms-user name", Required: true),
        new(KannelDefaults.PasswordField, "sendsms-user password", Required: true, Secret: true),
        new(KannelDefaults.SmscField, "SMSC id (route)"),
    ];

    public ProviderDescriptor Descriptor { get; }

    public async Task<IReadOnlyList<SendOutcome>> SendAsync(
        ProviderContext context, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return [];
        }

        var errors = new ValidationErrors();
        if (KannelAccount.Read(context.Account, errors) is not { } account)
        {
            var failures = errors.ToDictionary();
            _logger.AccountInvalid(context.Account.Name, string.Join(", ", failures.Keys), messages.Count);
            var invalid = SendOutcome.Permanent("account-invalid", string.Join(" ", failures.Values.SelectMany(v => v)));
            return [.. messages.Select(_ => invalid)];
        }

        var client = _httpClientFactory.CreateClient(KannelDefaults.HttpClientName);
        var outcomes = new SendOutcome[messages.Count];
        var calls = Group(context, messages, _time.GetUtcNow());
        if (calls.Count == 1)
        {
            await SendCallAsync(client, account, context, messages, calls[0], outcomes, cancellationToken);
            return outcomes;
        }

        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Min(_options.MaxConcurrentRequests, calls.Count),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(
            calls, parallel, async (call, token) => await SendCallAsync(client, account, context, messages, call, outcomes, token));
        return outcomes;
    }

    /// <summary>
    /// The <c>sendsms</c> calls for a batch, each a list of message indexes. With delivery reports every message is its
    /// own call (its report address names it); without, messages that share text, sender and validity share a call.
    /// </summary>
    private List<int[]> Group(ProviderContext context, IReadOnlyList<OutgoingMessage> messages, DateTimeOffset now)
    {
        if (context.CallbackUrl is not null || _options.MaxRecipientsPerRequest == 1)
        {
            return [.. Enumerable.Range(0, messages.Count).Select(i => new[] { i })];
        }

        return [.. Enumerable.Range(0, messages.Count)
            .GroupBy(i => (messages[i].Text, messages[i].Sender, KannelSendsmsQuery.ValidityMinutes(messages[i], now)))
            .SelectMany(g => g.Chunk(_options.MaxRecipientsPerRequest))];
    }

    private async Task SendCallAsync(
        HttpClient client, KannelAccount account, ProviderContext context, IReadOnlyList<OutgoingMessage> messages, int[] call,
        SendOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var outcome = await SendOneAsync(client, account, context, messages[call[0]], string.Join(' ', call.Select(i => messages[i].To)), cancellationToken);
        foreach (var index in call)
        {
            outcomes[index] = outcome;
        }
    }

    private async Task<SendOutcome> SendOneAsync(
        HttpClient client, KannelAccount account, ProviderContext context, OutgoingMessage message, string to, CancellationToken cancellationToken)
    {
        var callbackUrl = context.CallbackUrl?.Invoke(message.Id);
        var requestUri = KannelSendsmsQuery.Build(account, message, to, callbackUrl, _options.DlrMask, _time.GetUtcNow());
        SendOutcome outcome;
        string? answer = null;
        try
        {
            using var response = await client.GetAsync(requestUri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            answer = await ReadAnswerAsync(response.Content, cancellationToken);
            outcome = KannelStatusMap.FromAnswer((int)response.StatusCode, answer, ProviderRetryAfter.Read(response.Headers.RetryAfter, _time.GetUtcNow()));
        }
        catch (HttpRequestException exception)
        {
            outcome = KannelStatusMap.FromFailure(exception);
        }
        catch (IOException exception)
        {
            outcome = KannelStatusMap.FromFailure(exception);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = KannelStatusMap.Timeout();
        }

        switch (outcome.Kind)
        {
            case SendOutcomeKind.Accepted when KannelStatusMap.IsQueued(answer):
                _logger.Queued(message.Id);
                break;
            case SendOutcomeKind.Accepted:
                _logger.Accepted(message.Id, answer?.Trim());
                break;
            case SendOutcomeKind.Permanent:
                _logger.Refused(message.Id, new MaskedPhone(message.To), outcome.Code, outcome.Text);
                break;
            default:
                _logger.CallFailed(message.Id, outcome.Code, outcome.Text);
                break;
        }

        return outcome;
    }

    private static async Task<string> ReadAnswerAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // Kannel answers one short line; anything else (a proxy's error page) is cut, never buffered whole.
        var stream = await content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxAnswerLength];
            var length = 0;
            while (length < buffer.Length)
            {
                var read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return new string(buffer, 0, length);
        }
    }
}

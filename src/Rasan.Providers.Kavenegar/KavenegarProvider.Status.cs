using System.Globalization;
using System.Text.Json;
using Rasan.Providers.Kavenegar.Json;

namespace Rasan.Providers.Kavenegar;

internal sealed partial class KavenegarProvider
{
    private const string StatusMethod = "sms/status";

    public int MaxPollBatchSize => _options.MaxPollBatchSize;

    public TimeSpan FirstPollDelay => _options.FirstPollDelay;

    /// <summary>
    /// Asks <c>sms/status</c> about the messages by their Kavenegar ids, at most <see cref="MaxPollBatchSize"/> per
    /// call. Reports every mapped state, pending ones included (their code is kept in the history); ids Kavenegar does
    /// not know (status 100) and messages without a Kavenegar id get no report.
    /// </summary>
    /// <exception cref="HttpRequestException">Kavenegar refused the call or could not be reached; never carries the address.</exception>
    public async Task<IReadOnlyList<DeliveryReport>> PollAsync(
        ProviderContext context, IReadOnlyList<SentMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(messages);
        var byProviderId = new Dictionary<long, SentMessage>();
        foreach (var message in messages)
        {
            if (long.TryParse(message.ProviderMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                byProviderId.TryAdd(id, message);
            }
        }

        if (byProviderId.Count == 0)
        {
            return [];
        }

        var apiKey = ApiKey(context) ?? throw new InvalidOperationException("The account has no Kavenegar API key.");
        var reports = new List<DeliveryReport>(byProviderId.Count);
        foreach (var chunk in byProviderId.Keys.Chunk(_options.MaxPollBatchSize))
        {
            var form = new KeyValuePair<string, string>[]
            {
                new("messageid", string.Join(',', chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)))),
            };
            var answer = await client.CallAsync(apiKey, StatusMethod, form, cancellationToken);
            if (answer.Failure is { } failure)
            {
                logger.QueryFailed(StatusMethod, context.Account.Name, failure.Code, failure.Text);
                throw answer.ToException(StatusMethod);
            }

            var now = time.GetUtcNow();
            foreach (var entry in ReadStatusEntries(answer.Entries))
            {
                if (byProviderId.TryGetValue(entry.MessageId, out var message) && KavenegarMessageStatuses.ToDeliveryState(entry.Status) is { } state)
                {
                    reports.Add(new DeliveryReport
                    {
                        MessageId = message.Id,
                        ProviderMessageId = message.ProviderMessageId,
                        State = state,
                        ProviderStatus = entry.Status.ToString(CultureInfo.InvariantCulture),
                        At = now,
                    });
                }
            }
        }

        return reports;
    }

    private static List<KavenegarMessageEntry> ReadStatusEntries(JsonElement entries)
    {
        if (entries.ValueKind != JsonValueKind.Array)
        {
            throw new HttpRequestException("Kavenegar sms/status answered 200 without a readable entries array.");
        }

        try
        {
            return entries.Deserialize(KavenegarJsonContext.Default.ListKavenegarMessageEntry) ?? [];
        }
        catch (JsonException)
        {
            throw new HttpRequestException("Kavenegar sms/status answered 200 with entries that could not be read.");
        }
    }
}

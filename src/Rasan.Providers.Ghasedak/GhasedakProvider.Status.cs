using System.Globalization;
using Rasan.Providers.Ghasedak.Json;

namespace Rasan.Providers.Ghasedak;

internal sealed partial class GhasedakProvider
{
    private const string StatusMethod = "CheckSmsStatus";

    public int MaxPollBatchSize => _options.MaxPollBatchSize;

    public TimeSpan FirstPollDelay => _options.FirstPollDelay;

    /// <summary>
    /// Asks <c>CheckSmsStatus</c> (<c>Type=1</c>, comma-separated <c>Ids</c>) about the messages by their Ghasedak ids,
    /// at most <see cref="MaxPollBatchSize"/> per call. Reports every mapped state, pending ones included (their code
    /// is kept as <see cref="DeliveryReport.ProviderStatus"/>); ids Ghasedak leaves out, unmapped codes and messages
    /// without a Ghasedak id get no report.
    /// </summary>
    /// <exception cref="HttpRequestException">Ghasedak refused the call or could not be reached; never carries the key.</exception>
    public async Task<IReadOnlyList<DeliveryReport>> PollAsync(
        ProviderContext context, IReadOnlyList<SentMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(messages);
        var byId = new Dictionary<string, SentMessage>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.ProviderMessageId is { Length: > 0 } id && id.All(char.IsAsciiDigit))
            {
                byId.TryAdd(id, message);
            }
        }

        if (byId.Count == 0)
        {
            return [];
        }

        if (!TryGetApiKey(context, out var apiKey))
        {
            throw new InvalidOperationException("The account has no usable Ghasedak API key.");
        }

        var reports = new List<DeliveryReport>(byId.Count);
        foreach (var ids in byId.Keys.ToArray().Chunk(_options.MaxPollBatchSize))
        {
            var query = $"Ids={string.Join(',', ids)}&Type=1";
            var response = await client.GetAsync(apiKey, StatusMethod, query, GhasedakJsonContext.Default.GhasedakReplyListGhasedakSmsStatus, cancellationToken);
            if (!response.Succeeded(out var statuses, out var failure))
            {
                logger.QueryFailed(StatusMethod, context.Account.Name, failure.Code, failure.Text);
                throw GhasedakErrors.ToException(failure, StatusMethod);
            }

            var at = time.GetUtcNow();
            foreach (var status in statuses)
            {
                if (status is { MessageId: { } id, Status: { } code } && byId.Remove(id, out var message))
                {
                    if (GhasedakMessageStatuses.ToDeliveryState(code) is { } state)
                    {
                        reports.Add(new DeliveryReport
                        {
                            MessageId = message.Id,
                            ProviderMessageId = id,
                            State = state,
                            ProviderStatus = code.ToString(CultureInfo.InvariantCulture),
                            At = at,
                        });
                    }
                    else
                    {
                        logger.StatusUnmapped(code, id);
                    }
                }
            }
        }

        return reports;
    }
}

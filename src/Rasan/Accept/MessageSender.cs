using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Rasan.Storage;
using Rasan.Telemetry;

namespace Rasan.Accept;

/// <summary>The accept pipeline: validate, expand, store durably (group commit), wake the dispatcher.</summary>
internal sealed class MessageSender(
    SendRequestValidator validator,
    GroupCommitWriter writer,
    MessageIdGenerator ids,
    IMessageStore store,
    RasanInstrumentation instrumentation,
    TimeProvider time,
    ILogger<MessageSender> logger) : IMessageSender
{
    private readonly ConcurrentDictionary<(ServiceId, string), byte> _inFlight = new();

    public async Task<SendReceipt> SendAsync(ServiceId service, SendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = instrumentation.ActivitySource.StartActivity("rasan.accept", ActivityKind.Internal);
        var now = time.GetUtcNow();
        IReadOnlyList<NewMessage> messages;
        try
        {
            messages = await validator.ValidateAsync(request, now, cancellationToken);
        }
        catch (SendValidationException) when (request.IdempotencyKey is { Length: > 0 })
        {
            // A retry is answered from what was stored: the first request was valid when it came, even if its expiry
            // has passed or its account was disabled since. A valid retry needs no look-up: the store reports the key.
            var retryKey = request.IdempotencyKey;
            if (await store.FindRequestAsync(service, retryKey, cancellationToken) is { } earlier)
            {
                return Replay(service, retryKey, earlier, RequestFingerprint.Compute(request));
            }

            throw;
        }

        var newRequest = new NewRequest
        {
            Id = new RequestId(ids.Next(now)),
            ServiceId = service,
            CreatedAt = now,
            IdempotencyKey = request.IdempotencyKey,
            Fingerprint = request.IdempotencyKey is null ? null : RequestFingerprint.Compute(request),
            Messages = messages,
        };

        if (request.IdempotencyKey is not { } key)
        {
            return await StoreAsync(newRequest, cancellationToken);
        }

        if (!_inFlight.TryAdd((service, key), 0))
        {
            throw new IdempotencyConflictException(key, IdempotencyConflictKind.InFlight);
        }

        try
        {
            return await StoreAsync(newRequest, cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove((service, key), out _);
        }
    }

    public Task<CancelResult> CancelAsync(ServiceId service, MessageId id, CancellationToken cancellationToken = default)
        => store.CancelAsync(service, id, time.GetUtcNow(), cancellationToken);

    private SendReceipt Replay(ServiceId service, string key, StoredRequest existing, byte[] fingerprint)
    {
        if (existing.Fingerprint is null || !existing.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            throw new IdempotencyConflictException(key, IdempotencyConflictKind.DifferentBody);
        }

        logger.IdempotentReplay(service, existing.Id);
        return new SendReceipt(existing.Id, existing.Messages, Replayed: true);
    }

    private async Task<SendReceipt> StoreAsync(NewRequest request, CancellationToken cancellationToken)
    {
        var result = await writer.SubmitAsync(request, cancellationToken);
        if (result.Existing is { } existing)
        {
            return Replay(request.ServiceId, request.IdempotencyKey!, existing, request.Fingerprint!);
        }

        logger.RequestAccepted(request.Id, request.ServiceId, request.Messages.Count);
        return new SendReceipt(
            request.Id,
            request.Messages.Select(m => new MessageReceipt(m.Id, m.To, m.Status)).ToArray());
    }
}

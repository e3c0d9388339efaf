using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Rasan.AspNetCore.Authentication;
using Rasan.Auditing;

namespace Rasan.AspNetCore.Logs;

/// <summary>
/// Records one audit entry per change made through the API: the actor (the caller's token prefix), the service, the
/// object and the action, and the object's masked state before and after as JSON. Callers pass API response shapes,
/// which never carry secrets.
/// </summary>
internal sealed class AuditRecorder(BatchedLog<AuditEntry> log, TimeProvider time)
{
    public void Record(HttpContext context, ServiceId? service, string entity, string entityId, string action, string? before, string? after)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        log.Record(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            Actor = ActorOf(context.User),
            ServiceId = service,
            Entity = entity,
            EntityId = entityId,
            Action = action,
            Before = before,
            After = after,
            CorrelationId = context.TraceIdentifier,
        });
    }

    /// <summary>A snapshot as JSON, written with the API's own (secret-free) response metadata.</summary>
    public static string Snapshot<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.Serialize(value, info);

    private static string ActorOf(ClaimsPrincipal user)
        => user.FindFirst(RasanClaimTypes.TokenPrefix)?.Value is { } prefix ? $"token:{prefix}" : "anonymous";
}

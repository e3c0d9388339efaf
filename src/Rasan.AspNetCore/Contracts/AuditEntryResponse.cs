using System.Text.Json;
using Rasan.Auditing;

namespace Rasan.AspNetCore.Contracts;

/// <summary>One entry of the audit log; before and after are the object's masked snapshots.</summary>
internal sealed class AuditEntryResponse
{
    /// <summary>Its id.</summary>
    public required string Id { get; init; }

    /// <summary>When the change was made.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who made it, such as "token:rsn_ab12cd".</summary>
    public required string Actor { get; init; }

    /// <summary>True for a hub-wide object (a provider account), which belongs to no service.</summary>
    public required bool HubWide { get; init; }

    /// <summary>The kind of object: request, message, api-token, account.</summary>
    public required string Entity { get; init; }

    /// <summary>The object's id.</summary>
    public required string EntityId { get; init; }

    /// <summary>What was done: send, cancel, issue, revoke, add, update.</summary>
    public required string Action { get; init; }

    /// <summary>The object before, secrets masked; null when it is new.</summary>
    public JsonElement? Before { get; init; }

    /// <summary>The object after, secrets masked.</summary>
    public JsonElement? After { get; init; }

    /// <summary>The request's trace identifier.</summary>
    public string? CorrelationId { get; init; }

    public static AuditEntryResponse From(AuditEntry entry) => new()
    {
        Id = entry.Id.ToString(),
        At = entry.At,
        Actor = entry.Actor,
        HubWide = entry.ServiceId is null,
        Entity = entry.Entity,
        EntityId = entry.EntityId,
        Action = entry.Action,
        Before = Parse(entry.Before),
        After = Parse(entry.After),
        CorrelationId = entry.CorrelationId,
    };

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

namespace Rasan.Auditing;

/// <summary>
/// One change made through Rasan, as the audit log keeps it: who, when, in which service, to what, and the entity's
/// state before and after as JSON with every secret masked.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Its id; time-ordered.</summary>
    public required Guid Id { get; init; }

    /// <summary>When the change was made.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who made it, such as <c>token:rsn_ab12cd</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>The service it belongs to; <see langword="null"/> for a hub-wide object (a provider account).</summary>
    public ServiceId? ServiceId { get; init; }

    /// <summary>The kind of object: <c>request</c>, <c>message</c>, <c>api-token</c>, <c>account</c>.</summary>
    public required string Entity { get; init; }

    /// <summary>The object's id.</summary>
    public required string EntityId { get; init; }

    /// <summary>What was done: <c>send</c>, <c>cancel</c>, <c>issue</c>, <c>revoke</c>, <c>add</c>, <c>update</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The object before, as JSON with secrets masked; <see langword="null"/> when it is new.</summary>
    public string? Before { get; init; }

    /// <summary>The object after, as JSON with secrets masked.</summary>
    public string? After { get; init; }

    /// <summary>The request's trace identifier, to find it in the API-call log, logs and traces.</summary>
    public string? CorrelationId { get; init; }
}

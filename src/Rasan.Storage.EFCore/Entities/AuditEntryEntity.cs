namespace Rasan.Storage.EFCore.Entities;

/// <summary>A row of the audit log.</summary>
internal sealed class AuditEntryEntity : ILogRow
{
    public Guid Id { get; set; }

    public long At { get; set; }

    public string Actor { get; set; } = "";

    public Guid? ServiceId { get; set; }

    public string Entity { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Action { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? CorrelationId { get; set; }
}

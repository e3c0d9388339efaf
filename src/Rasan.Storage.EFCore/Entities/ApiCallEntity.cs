namespace Rasan.Storage.EFCore.Entities;

/// <summary>A row of the API-call log.</summary>
internal sealed class ApiCallEntity : ILogRow
{
    public Guid Id { get; set; }

    public long At { get; set; }

    public string Method { get; set; } = "";

    public string Route { get; set; } = "";

    public int Status { get; set; }

    public double DurationMs { get; set; }

    public Guid? ServiceId { get; set; }

    public string? TokenPrefix { get; set; }

    public string? ClientIp { get; set; }

    public string? RequestId { get; set; }
}

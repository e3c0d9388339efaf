namespace Rasan.Storage.EFCore.Entities;

/// <summary>A row of <c>services</c>: a client service (tenant).</summary>
internal sealed class ServiceEntity
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public bool Enabled { get; set; }

    public long CreatedAt { get; set; }
}

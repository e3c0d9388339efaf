namespace Rasan.Storage.EFCore.Entities;

/// <summary>A row of <c>accounts</c>: a provider account, its settings as a JSON object in text.</summary>
internal sealed class AccountEntity
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string ProviderType { get; set; } = "";

    public string Channel { get; set; } = "";

    public string? Sender { get; set; }

    public bool Enabled { get; set; }

    public double RateLimitPerSecond { get; set; }

    public string Settings { get; set; } = "{}";

    public long CreatedAt { get; set; }
}

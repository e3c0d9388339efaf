namespace Rasan.AspNetCore.Contracts;

/// <summary>The body of <c>POST /api/v1/tokens</c>.</summary>
internal sealed class IssueApiTokenRequest
{
    /// <summary>A name for people, 1 to 200 characters.</summary>
    public string? Name { get; set; }

    /// <summary>What it may do: one or more of "send", "read", "manage".</summary>
    public IReadOnlyList<string>? Scopes { get; set; }

    /// <summary>When it expires (ISO 8601 with an offset, in the future); never when absent.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

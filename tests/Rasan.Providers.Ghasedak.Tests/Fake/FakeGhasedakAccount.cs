namespace Rasan.Providers.Ghasedak.Tests.Fake;

/// <summary>An account the fake knows by its API key. Change it through the server (under its lock) only.</summary>
public sealed class FakeGhasedakAccount
{
    internal FakeGhasedakAccount(string apiKey, IReadOnlyList<string> lines, long credit, DateTimeOffset? expiresAt)
    {
        ApiKey = apiKey;
        Lines = lines;
        Credit = credit;
        ExpiresAt = expiresAt;
    }

    /// <summary>The API key (the <c>ApiKey</c> header).</summary>
    public string ApiKey { get; }

    /// <summary>The account's own lines; <c>priority</c>, <c>fastest</c> and <c>cheapest</c> pick the first.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The credit, in rials.</summary>
    public long Credit { get; internal set; }

    /// <summary>When the account expires.</summary>
    public DateTimeOffset? ExpiresAt { get; internal set; }

    /// <summary>The plan's name.</summary>
    public string Plan { get; internal set; } = "نقره ای";
}

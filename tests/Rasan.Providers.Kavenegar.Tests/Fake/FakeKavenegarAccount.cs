namespace Rasan.Providers.Kavenegar.Tests.Fake;

/// <summary>An account the fake knows, by its API key. Change it under the server's lock only (through the server).</summary>
public sealed class FakeKavenegarAccount
{
    internal FakeKavenegarAccount(string key, IReadOnlyList<string> lines, long balance, DateTimeOffset? expiresAt)
    {
        Key = key;
        Lines = lines;
        Balance = balance;
        ExpiresAt = expiresAt;
    }

    /// <summary>The API key.</summary>
    public string Key { get; }

    /// <summary>The sender lines; the first is the default line.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The remaining credit, in rials.</summary>
    public long Balance { get; internal set; }

    /// <summary>When the account expires.</summary>
    public DateTimeOffset? ExpiresAt { get; internal set; }

    /// <summary>A disabled account answers 401.</summary>
    public bool Disabled { get; internal set; }
}

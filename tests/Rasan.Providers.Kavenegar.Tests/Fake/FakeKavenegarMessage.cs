namespace Rasan.Providers.Kavenegar.Tests.Fake;

/// <summary>A message the fake stored (and billed).</summary>
public sealed class FakeKavenegarMessage
{
    internal FakeKavenegarMessage(string key, long messageId, string? localId, string receptor, string sender, string text, DateTimeOffset date, long cost)
    {
        Key = key;
        MessageId = messageId;
        LocalId = localId;
        Receptor = receptor;
        Sender = sender;
        Text = text;
        Date = date;
        Cost = cost;
    }

    /// <summary>The account's key.</summary>
    internal string Key { get; }

    /// <summary>Kavenegar's id.</summary>
    public long MessageId { get; }

    /// <summary>The caller's local id, if it sent one.</summary>
    public string? LocalId { get; }

    /// <summary>The receptor as sent.</summary>
    public string Receptor { get; }

    /// <summary>The sender line.</summary>
    public string Sender { get; }

    /// <summary>The text as received.</summary>
    public string Text { get; }

    /// <summary>When it is (or was) sent: now, or the scheduled date.</summary>
    public DateTimeOffset Date { get; }

    /// <summary>What it cost, in rials.</summary>
    public long Cost { get; }

    /// <summary>How far along its status script it is.</summary>
    internal int Step { get; set; }

    /// <summary>Cancelled through <c>sms/cancel</c>.</summary>
    internal bool Cancelled { get; set; }

    /// <summary>The status last reported (1 until a status query moves it).</summary>
    internal int Status { get; set; } = 1;
}

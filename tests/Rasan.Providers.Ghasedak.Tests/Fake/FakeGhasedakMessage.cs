namespace Rasan.Providers.Ghasedak.Tests.Fake;

/// <summary>A message the fake stored and billed.</summary>
public sealed class FakeGhasedakMessage
{
    internal FakeGhasedakMessage(
        FakeGhasedakAccount account, string messageId, string? clientReferenceId, string receptor, string lineNumber, string text, DateTimeOffset sendDate, long cost, string apiMethod)
    {
        Account = account;
        MessageId = messageId;
        ClientReferenceId = clientReferenceId;
        Receptor = receptor;
        LineNumber = lineNumber;
        Text = text;
        SendDate = sendDate;
        Cost = cost;
        ApiMethod = apiMethod;
    }

    internal FakeGhasedakAccount Account { get; }

    /// <summary>Ghasedak's id: a string of digits.</summary>
    public string MessageId { get; }

    /// <summary>The caller's reference, if it sent one (for a bulk call, the call's).</summary>
    public string? ClientReferenceId { get; }

    /// <summary>The receptor as sent.</summary>
    public string Receptor { get; }

    /// <summary>The line it went out on (a chosen line when the request said priority, fastest or cheapest).</summary>
    public string LineNumber { get; }

    /// <summary>The text as received.</summary>
    public string Text { get; }

    /// <summary>When it is (or was) sent: now, or the requested <c>sendDate</c>.</summary>
    public DateTimeOffset SendDate { get; }

    /// <summary>What it cost, in rials.</summary>
    public long Cost { get; }

    /// <summary>The method it came through, such as <c>SendPairToPairSMS</c>.</summary>
    public string ApiMethod { get; }

    /// <summary>How many status queries moved it along its receptor's script.</summary>
    internal int Step { get; set; }
}

namespace Rasan.Providers.Ghasedak.Json;

/// <summary>The body of <c>SendPairToPairSMS</c>: a text, line and reference per receptor.</summary>
internal sealed class GhasedakPairSmsRequest
{
    public required IReadOnlyList<GhasedakPairSmsItem> Items { get; init; }

    public bool Udh { get; init; }
}

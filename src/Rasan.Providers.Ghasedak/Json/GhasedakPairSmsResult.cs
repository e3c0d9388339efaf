namespace Rasan.Providers.Ghasedak.Json;

/// <summary>The <c>data</c> of <c>SendPairToPairSMS</c>.</summary>
internal sealed class GhasedakPairSmsResult
{
    public List<GhasedakSentSms>? Items { get; set; }
}

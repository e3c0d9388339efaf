namespace Rasan.Providers.Ghasedak.Json;

/// <summary>The envelope without its <c>data</c>: read when <c>data</c> has a shape other than the method's.</summary>
internal sealed class GhasedakReplyHead
{
    public bool? IsSuccess { get; set; }

    public int? StatusCode { get; set; }

    public string? Message { get; set; }
}

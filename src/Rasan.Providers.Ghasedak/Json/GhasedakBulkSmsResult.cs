namespace Rasan.Providers.Ghasedak.Json;

/// <summary>The <c>data</c> of <c>SendBulkSMS</c>: one cost for the call, an id per receptor.</summary>
internal sealed class GhasedakBulkSmsResult
{
    /// <summary>The price of the whole call, in rials.</summary>
    public decimal? Cost { get; set; }

    public string? ClientReferenceId { get; set; }

    public List<GhasedakBulkReceptor>? Receptors { get; set; }
}

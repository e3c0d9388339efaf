namespace Rasan.Providers.Ghasedak.Json;

/// <summary>The body of <c>SendBulkSMS</c>: one text to many receptors, one reference for the call.</summary>
internal sealed class GhasedakBulkSmsRequest
{
    public DateTimeOffset? SendDate { get; init; }

    public required string LineNumber { get; init; }

    public required IReadOnlyList<string> Receptors { get; init; }

    public required string Message { get; init; }

    public required string ClientReferenceId { get; init; }

    public bool IsVoice { get; init; }

    public bool Udh { get; init; }
}

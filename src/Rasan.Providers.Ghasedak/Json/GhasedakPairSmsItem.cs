namespace Rasan.Providers.Ghasedak.Json;

/// <summary>One message of a <c>SendPairToPairSMS</c> body.</summary>
internal sealed class GhasedakPairSmsItem
{
    public required string LineNumber { get; init; }

    public required string Receptor { get; init; }

    public required string Message { get; init; }

    public required string ClientReferenceId { get; init; }

    public DateTimeOffset? SendDate { get; init; }
}

namespace Rasan.Providers.Ghasedak.Json;

/// <summary>The body of <c>SendSingleSMS</c>.</summary>
internal sealed class GhasedakSingleSmsRequest
{
    /// <summary>Always <see langword="null"/>: send now (the hub schedules).</summary>
    public DateTimeOffset? SendDate { get; init; }

    public required string LineNumber { get; init; }

    public required string Receptor { get; init; }

    public required string Message { get; init; }

    /// <summary>The Rasan message id: the gateway answers a repeated one with the first result.</summary>
    public required string ClientReferenceId { get; init; }

    /// <summary>Whether a text longer than one part is sent as one concatenated message.</summary>
    public bool Udh { get; init; }
}

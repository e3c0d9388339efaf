namespace Rasan.AspNetCore.Contracts;

/// <summary>One accepted message and its current status.</summary>
internal sealed class MessageReceiptResponse
{
    /// <summary>The message id.</summary>
    public required string Id { get; init; }

    /// <summary>The normalised recipient (E.164 for phone numbers).</summary>
    public required string To { get; init; }

    /// <summary>The status: queued, scheduled, sending, sent, delivered, failed, expired or cancelled.</summary>
    public required string Status { get; init; }

    public static MessageReceiptResponse From(MessageReceipt receipt) => new()
    {
        Id = receipt.Id.ToString(),
        To = receipt.To,
        Status = receipt.Status.ToWireName(),
    };
}

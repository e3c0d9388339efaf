namespace Rasan.AspNetCore.Contracts;

/// <summary>The answer to an accepted send: every id in it is stored.</summary>
internal sealed class SendMessagesResponse
{
    /// <summary>The request's id.</summary>
    public required string RequestId { get; init; }

    /// <summary>One entry per message, in request order.</summary>
    public required IReadOnlyList<MessageReceiptResponse> Messages { get; init; }

    public static SendMessagesResponse From(RequestId requestId, IEnumerable<MessageReceipt> messages) => new()
    {
        RequestId = requestId.ToString(),
        Messages = messages.Select(MessageReceiptResponse.From).ToArray(),
    };
}

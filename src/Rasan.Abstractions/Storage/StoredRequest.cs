namespace Rasan.Storage;

/// <summary>An earlier request found under the same idempotency key.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Fingerprint">The hash of its body.</param>
/// <param name="Messages">Its messages with the status they were accepted with, in request order.</param>
public sealed record StoredRequest(RequestId Id, byte[]? Fingerprint, IReadOnlyList<MessageReceipt> Messages);

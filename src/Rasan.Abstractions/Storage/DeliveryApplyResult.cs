namespace Rasan.Storage;

/// <summary>What applying a set of delivery reports did.</summary>
/// <param name="Applied">Reports that changed a status or added a history entry.</param>
/// <param name="Duplicates">Reports already recorded, or intermediate after final: nothing changed.</param>
/// <param name="Unmatched">Reports for a message not found or not yet sent; the caller may retry them later.</param>
public sealed record DeliveryApplyResult(int Applied, int Duplicates, int Unmatched);

namespace Rasan.Storage.EFCore;

/// <summary>What applying one delivery report did.</summary>
internal enum ReportOutcome
{
    /// <summary>It changed a status or added a history entry.</summary>
    Applied,

    /// <summary>It was already recorded, or came after a final status: nothing changed.</summary>
    Duplicate,

    /// <summary>Its message is not stored or not yet sent.</summary>
    Unmatched,
}

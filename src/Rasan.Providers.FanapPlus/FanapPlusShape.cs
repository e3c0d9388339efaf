namespace Rasan.Providers.FanapPlus;

/// <summary>The three request shapes of the contract (providers/fanapplus.md §3).</summary>
internal enum FanapPlusShape
{
    /// <summary>Every element carries all its fields: one message, or several that differ in priority or expiry ("mixed").</summary>
    Single = 0,

    /// <summary>One text to many: the shared fields and the text at the root; elements carry only the target and signature.</summary>
    Broadcast = 1,

    /// <summary>Different texts, shared service, type, channel, priority and expiry at the root; elements add their text.</summary>
    Batch = 2,
}

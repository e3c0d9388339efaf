namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>How the fake answers a <c>Uid</c> it has already taken (FanapPlus's own behaviour is not documented).</summary>
public enum FakeFanapPlusDuplicateUid
{
    /// <summary>The first answer again, nothing stored or billed a second time.</summary>
    FirstAnswer = 0,

    /// <summary>400 with a reason.</summary>
    Reject = 1,
}

namespace Rasan.Providers.FanapPlus;

/// <summary>Which message field carries the recipient (account setting <c>target</c>).</summary>
internal enum FanapPlusTarget
{
    /// <summary><c>UserPhoneNumber</c> in the national form <c>09xxxxxxxxx</c> (setting value <c>phone</c>, the default).</summary>
    Phone = 0,

    /// <summary><c>AccountId</c>, the subscriber's FanapPlus account id, sent as the recipient was given (setting value <c>account</c>).</summary>
    Account = 1,
}

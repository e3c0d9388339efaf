namespace Rasan.Providers.FanapPlus;

/// <summary>
/// What the signature string's AccountId slot holds when a message goes by <c>UserPhoneNumber</c> (account setting
/// <c>signatureAccountId</c>); the guide leaves an empty middle field unspecified (providers/fanapplus.md §4).
/// </summary>
internal enum FanapPlusSignedAccountId
{
    /// <summary>The empty AccountId is left out together with its comma, the guide's literal rule (value <c>empty</c>, the default).</summary>
    Empty = 0,

    /// <summary>The UserPhoneNumber stands in the AccountId slot (value <c>phone</c>).</summary>
    PhoneNumber = 1,
}

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// The order of <c>Uid</c> and <c>Sid</c> in the string a FanapPlus message signature covers. The v6 guide's pattern and
/// its own worked example disagree; the account setting <c>signatureOrder</c> picks one per account.
/// </summary>
public enum FanapPlusSignatureFieldOrder
{
    /// <summary>
    /// The guide's pattern, <c>Date,Uid,Sid,ChannelType,MessageType,AccountId,Content</c> (account setting value
    /// <c>documented</c>).
    /// </summary>
    UidThenSid = 0,

    /// <summary>
    /// The order of the guide's worked example, <c>Date,Sid,Uid,ChannelType,MessageType,AccountId,Content</c> (account
    /// setting value <c>example</c>).
    /// </summary>
    SidThenUid = 1,
}

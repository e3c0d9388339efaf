namespace Rasan.Providers.FanapPlus;

/// <summary>
/// The effective values one message's signature covers: the root's Date and Uid, and the message's own Sid,
/// ChannelType, MessageType, AccountId and Content, else the root's (providers/fanapplus.md §4).
/// </summary>
/// <param name="Date">The request's <c>Date</c>.</param>
/// <param name="Uid">The request's <c>Uid</c>.</param>
/// <param name="Sid">The service id.</param>
/// <param name="ChannelType">The channel type.</param>
/// <param name="MessageType">The message type.</param>
/// <param name="AccountId">The AccountId slot: the AccountId, the phone number, or nothing (per the account's rule).</param>
/// <param name="Content">The text.</param>
internal readonly record struct FanapPlusSignedValues(
    string Date, string Uid, string Sid, string ChannelType, string MessageType, string? AccountId, string? Content);

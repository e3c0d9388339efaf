namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>A message the fake took and billed.</summary>
/// <param name="Muid">Its id.</param>
/// <param name="Puid">Its request's id.</param>
/// <param name="Uid">Its request's Uid.</param>
/// <param name="Sid">The service.</param>
/// <param name="Target">Its UserPhoneNumber or AccountId.</param>
/// <param name="Content">Its effective text.</param>
/// <param name="MessageType">Its effective type.</param>
/// <param name="ChannelType">Its effective channel.</param>
/// <param name="Priority">Its effective priority, if any.</param>
/// <param name="ExpirationTime">Its effective expiry, if any.</param>
/// <param name="Tags">The union of root and message tags.</param>
/// <param name="ReplyTo">The Muid it answers, if any.</param>
/// <param name="DeliveryDeadline">Its effective delivery deadline, if any.</param>
public sealed record FakeFanapPlusMessage(
    string Muid, string Puid, string Uid, string Sid, string Target, string? Content, string MessageType, string ChannelType,
    string? Priority, string? ExpirationTime, IReadOnlyList<string> Tags, string? ReplyTo, string? DeliveryDeadline);

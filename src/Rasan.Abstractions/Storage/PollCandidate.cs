using Rasan.Providers;

namespace Rasan.Storage;

/// <summary>A sent message due for a delivery-status poll.</summary>
/// <param name="AccountId">The account it went through.</param>
/// <param name="Message">The message.</param>
public sealed record PollCandidate(AccountId AccountId, SentMessage Message);

namespace Rasan.Providers;

/// <summary>A message that was sent and awaits its delivery report.</summary>
/// <param name="Id">The Rasan id.</param>
/// <param name="ProviderMessageId">The provider's id for it.</param>
/// <param name="To">The recipient.</param>
/// <param name="SentAt">When the provider accepted it.</param>
public sealed record SentMessage(MessageId Id, string? ProviderMessageId, string To, DateTimeOffset SentAt);

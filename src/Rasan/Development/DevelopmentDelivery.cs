namespace Rasan.Development;

/// <summary>One send attempt the development provider received.</summary>
/// <param name="MessageId">The message.</param>
/// <param name="Attempt">The attempt number, 1 for the first.</param>
/// <param name="To">The recipient.</param>
/// <param name="Text">The text.</param>
/// <param name="Account">The account name.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record DevelopmentDelivery(MessageId MessageId, int Attempt, string To, string Text, string Account, DateTimeOffset ReceivedAt);

namespace Rasan.Providers.FanapPlus;

/// <summary>A message ready for a call.</summary>
/// <param name="Index">Its position in the dispatcher's batch.</param>
/// <param name="Message">The message.</param>
/// <param name="Recipient">Its target: the national phone number or the subscriber's AccountId.</param>
/// <param name="Options">Its FanapPlus options, read and checked.</param>
internal sealed record FanapPlusDraft(int Index, OutgoingMessage Message, string Recipient, FanapPlusMessageOptions Options);

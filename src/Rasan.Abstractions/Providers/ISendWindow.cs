namespace Rasan.Providers;

/// <summary>
/// A provider capability: hours in which a message may not be sent (an operator's quiet hours for paid content, for
/// example). The dispatcher asks before each call; a message that may not go now is put back until the window opens,
/// without counting an attempt, rather than being sent or failed.
/// </summary>
public interface ISendWindow
{
    /// <summary>When a message may be sent.</summary>
    /// <param name="context">The account.</param>
    /// <param name="message">The message.</param>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="null"/> when it may go now; otherwise the earliest time it may.</returns>
    DateTimeOffset? NotBefore(ProviderContext context, OutgoingMessage message, DateTimeOffset now);
}

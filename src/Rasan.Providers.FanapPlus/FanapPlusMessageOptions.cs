namespace Rasan.Providers.FanapPlus;

/// <summary>
/// A message's FanapPlus options read and checked: <c>messageType</c>, <c>replyTo</c> and <c>deliveryDeadline</c>. The
/// same rules run when a message is accepted and again before it is sent, since its account may have changed between.
/// </summary>
/// <param name="MessageType">The type it is sent as (<see cref="FanapPlusMessageTypes.Of"/>).</param>
/// <param name="ReplyTo">The Muid it answers, if any.</param>
/// <param name="DeliveryDeadline">When FanapPlus sends a final report regardless, if set.</param>
internal sealed record FanapPlusMessageOptions(string MessageType, string? ReplyTo, DateTimeOffset? DeliveryDeadline)
{
    /// <summary>Reads a message's options, adding a message per bad option keyed by its name.</summary>
    /// <param name="accountName">The account's name, for the messages.</param>
    /// <param name="channelType">The account's channel type; <see langword="null"/> when unknown (then <c>replyTo</c> is not required).</param>
    /// <param name="accountType">The account's <c>messageType</c> setting.</param>
    /// <param name="options">The message's options.</param>
    /// <param name="now">The time a deadline must follow; <see langword="null"/> not to check (a message accepted earlier).</param>
    /// <param name="errors">Where the problems go.</param>
    /// <returns>The options; <see langword="null"/> when any is bad.</returns>
    public static FanapPlusMessageOptions? Read(
        string accountName, string? channelType, string? accountType, IReadOnlyDictionary<string, string> options, DateTimeOffset? now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var bad = false;

        var replyTo = options.GetValueOrDefault(FanapPlusDefaults.ReplyToOption)?.Trim();
        if (string.IsNullOrEmpty(replyTo))
        {
            replyTo = null;
            if (string.Equals(channelType, FanapPlusDefaults.ReplyToChannelType, StringComparison.Ordinal))
            {
                bad = true;
                errors.Add(FanapPlusDefaults.ReplyToOption, $"FanapPlus account '{accountName}' sends on channel Mtn (Irancell), where every message must answer one of the subscriber's: set replyTo to the Muid of that incoming message.");
            }
        }
        else if (!IsMuid(replyTo))
        {
            bad = true;
            errors.Add(FanapPlusDefaults.ReplyToOption, $"replyTo must be the Muid of the subscriber's incoming message: 1 to {FanapPlusDefaults.MaxReplyToLength} letters, digits or '-'.");
        }

        DateTimeOffset? deadline = null;
        if (options.GetValueOrDefault(FanapPlusDefaults.DeliveryDeadlineOption) is { } text)
        {
            if (!FanapPlusDates.TryRead(text, out var at))
            {
                bad = true;
                errors.Add(FanapPlusDefaults.DeliveryDeadlineOption, "deliveryDeadline must be an ISO 8601 time with its offset, such as 2025-03-01T18:00:00+03:30 or 2025-03-01T14:30:00Z.");
            }
            else if (now is { } current && at <= current)
            {
                bad = true;
                errors.Add(FanapPlusDefaults.DeliveryDeadlineOption, $"deliveryDeadline must be in the future; {FanapPlusDates.Write(at)} has passed.");
            }
            else
            {
                deadline = at;
            }
        }

        return bad ? null : new FanapPlusMessageOptions(FanapPlusMessageTypes.Of(options, accountType), replyTo, deadline);
    }

    private static bool IsMuid(string value)
        => value.Length <= FanapPlusDefaults.MaxReplyToLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

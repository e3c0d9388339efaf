namespace Rasan.Providers.Ghasedak;

/// <summary>
/// The gateway's <c>lineNumber</c>: a line of the account (digits), or one of <c>priority</c>, <c>fastest</c>,
/// <c>cheapest</c> to let Ghasedak choose among the account's lines.
/// </summary>
internal static class GhasedakLineNumber
{
    /// <summary>The longest line number accepted.</summary>
    public const int MaxDigits = 20;

    /// <summary>The words that let Ghasedak choose the line.</summary>
    public static readonly IReadOnlyList<string> Choices = ["priority", "fastest", "cheapest"];

    /// <summary>Tells whether a value is a line number the gateway can take.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> for 1 to <see cref="MaxDigits"/> digits or one of <see cref="Choices"/>.</returns>
    public static bool IsValid(string? value)
        => value is { Length: > 0 and <= MaxDigits } && (value.All(char.IsAsciiDigit) || Choices.Contains(value, StringComparer.OrdinalIgnoreCase));

    /// <summary>The line a message goes out on: its own sender, else the account's.</summary>
    /// <param name="context">The account.</param>
    /// <param name="message">The message.</param>
    /// <returns>The line, or <see langword="null"/> when neither has one.</returns>
    public static string? Of(ProviderContext context, OutgoingMessage message)
        => !string.IsNullOrWhiteSpace(message.Sender) ? message.Sender.Trim()
            : !string.IsNullOrWhiteSpace(context.Account.Sender) ? context.Account.Sender.Trim()
            : null;
}

namespace Rasan;

/// <summary>A sending method ("sms", "push", "email", ...). String-backed so providers can add their own.</summary>
public readonly record struct Channel
{
    /// <summary>Creates a channel from its name, normalised to lower case.</summary>
    /// <param name="name">The channel name: letters, digits and '-' only.</param>
    /// <exception cref="ArgumentException">The name is empty or has other characters.</exception>
    public Channel(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid channel name: use letters, digits and '-'.", nameof(name));
        }

        _name = name.ToLowerInvariant();
    }

    private readonly string? _name;

    /// <summary>Short text messages to mobile numbers.</summary>
    public static Channel Sms { get; } = new("sms");

    /// <summary>Push notifications to app installs.</summary>
    public static Channel Push { get; } = new("push");

    /// <summary>Electronic mail.</summary>
    public static Channel Email { get; } = new("email");

    /// <summary>The lower-case channel name; "sms" for the default value.</summary>
    public string Name => _name ?? "sms";

    /// <summary>Tells whether <paramref name="name"/> can name a channel.</summary>
    /// <param name="name">The candidate name.</param>
    /// <returns><see langword="true"/> when it is 1 to 32 letters, digits or '-'.</returns>
    public static bool IsValidName(string? name)
        => !string.IsNullOrEmpty(name) && name.Length <= 32 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <inheritdoc />
    public bool Equals(Channel other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}

namespace Rasan.Telemetry;

/// <summary>
/// A recipient as it may appear in logs: the country code (or first two characters) and the last three digits, the
/// rest starred. Log a <see cref="MaskedPhone"/>, never the number itself.
/// </summary>
/// <param name="Value">The full recipient.</param>
public readonly record struct MaskedPhone(string Value)
{
    /// <summary>The masked form, such as <c>+98*******567</c>.</summary>
    /// <returns>The masked text.</returns>
    public override string ToString()
    {
        if (Value is null || Value.Length <= 6)
        {
            return new string('*', Value?.Length ?? 0);
        }

        var head = Value.StartsWith('+') ? 3 : 2;
        return string.Concat(Value.AsSpan(0, head), new string('*', Value.Length - head - 3), Value.AsSpan(Value.Length - 3));
    }
}

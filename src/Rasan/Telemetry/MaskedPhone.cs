namespace Rasan.Telemetry;

/// <summary>A recipient as it may appear in logs: the country code and last three digits only.</summary>
/// <param name="Value">The full recipient.</param>
internal readonly record struct MaskedPhone(string Value)
{
    public override string ToString()
    {
        if (Value.Length <= 6)
        {
            return new string('*', Value.Length);
        }

        var head = Value.StartsWith('+') ? 3 : 2;
        return string.Concat(Value.AsSpan(0, head), new string('*', Value.Length - head - 3), Value.AsSpan(Value.Length - 3));
    }
}

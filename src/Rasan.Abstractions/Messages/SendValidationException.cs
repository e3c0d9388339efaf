namespace Rasan;

/// <summary>A send request was rejected as invalid. Nothing was stored.</summary>
public sealed class SendValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The errors, keyed by the JSON path of the field at fault (<c>to[1]</c>, <c>messages[3].text</c>).</param>
    public SendValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(Describe(errors))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    /// <summary>The errors, keyed by the JSON path of the field at fault.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    private static string Describe(IReadOnlyDictionary<string, string[]> errors)
        => "The send request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}

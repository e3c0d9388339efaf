namespace Rasan;

/// <summary>
/// Collects validation errors keyed by the JSON path (or query parameter) at fault, in the order found: the shape of
/// <see cref="SendValidationException.Errors"/> and of a problem response's <c>errors</c>.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>How many fields have errors.</summary>
    public int Count => _errors.Count;

    /// <summary>Whether a field already has an error.</summary>
    /// <param name="path">The JSON path or parameter.</param>
    /// <returns><see langword="true"/> when it has one.</returns>
    public bool Contains(string path) => _errors.ContainsKey(path);

    /// <summary>Adds an error for a field.</summary>
    /// <param name="path">The JSON path or parameter at fault, such as <c>to[1]</c>.</param>
    /// <param name="message">What is wrong, for people.</param>
    public void Add(string path, string message)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        if (!_errors.TryGetValue(path, out var messages))
        {
            messages = [];
            _errors.Add(path, messages);
        }

        messages.Add(message);
    }

    /// <summary>The errors so far, keyed by field.</summary>
    /// <returns>A copy.</returns>
    public Dictionary<string, string[]> ToDictionary()
        => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>The errors as one line, such as <c>apiKey: API key is required.; sender: ...</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}

namespace Rasan.AspNetCore.Errors;

/// <summary>Collects validation errors keyed by the JSON path (or query parameter) at fault, in the order found.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            messages = [];
            _errors.Add(path, messages);
        }

        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary()
        => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

using Rasan.Providers;

namespace Rasan.Accept;

/// <summary>
/// Merges a message's provider options over its request's and checks them against the account's provider: declared
/// names only, allowed values only (stored in the declared spelling), then the provider's own
/// <see cref="IProviderOptionsValidator"/>. Errors are keyed by the JSON path of the option at fault.
/// </summary>
internal static class ProviderOptionsResolver
{
    /// <summary>The most options one message may carry.</summary>
    public const int MaxOptions = 16;

    /// <summary>The longest option value.</summary>
    public const int MaxValueLength = 1000;

    private const string Field = "providerOptions";

    public static IReadOnlyDictionary<string, string> Empty { get; } = new Dictionary<string, string>();

    /// <summary>Resolves one message's options (or a broadcast's, shared by all its messages).</summary>
    /// <param name="provider">The provider of the message's account.</param>
    /// <param name="account">The account.</param>
    /// <param name="shared">The request's options.</param>
    /// <param name="own">The batch item's options, overriding <paramref name="shared"/> by name.</param>
    /// <param name="itemPath">The batch item's path (<c>messages[3]</c>), or <see langword="null"/> for a broadcast.</param>
    /// <param name="now">The time of the request.</param>
    /// <param name="errors">Where errors go.</param>
    /// <returns>The options to store; empty when none were given.</returns>
    public static IReadOnlyDictionary<string, string> Resolve(
        IMessageProvider provider,
        ProviderAccount account,
        IReadOnlyDictionary<string, string>? shared,
        IReadOnlyDictionary<string, string>? own,
        string? itemPath,
        DateTimeOffset now,
        ValidationErrors errors)
    {
        if (shared is not { Count: > 0 } && own is not { Count: > 0 })
        {
            // The common case allocates nothing: a batch may have thousands of items.
            Check(Empty);
            return Empty;
        }

        var errorCount = errors.Count;
        var descriptor = provider.Descriptor;
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(shared, Field);
        Add(own, itemPath is null ? Field : $"{itemPath}.{Field}");
        if (resolved.Count > MaxOptions)
        {
            errors.Add(PathOf(null), $"A message may have at most {MaxOptions} provider options.");
        }

        if (errors.Count > errorCount)
        {
            return Empty;
        }

        Check(resolved);
        return resolved.Count == 0 ? Empty : resolved;

        void Check(IReadOnlyDictionary<string, string> options)
        {
            if (provider is not IProviderOptionsValidator validator)
            {
                return;
            }

            var found = new ValidationErrors();
            validator.Validate(account, options, now, found);
            foreach (var (name, messages) in found.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add(PathOf(name), message);
                }
            }
        }

        void Add(IReadOnlyDictionary<string, string>? given, string path)
        {
            if (given is null)
            {
                return;
            }

            foreach (var (name, value) in given)
            {
                var option = descriptor.Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
                if (option is null)
                {
                    var known = descriptor.Options.Count == 0
                        ? "it has none"
                        : "it has " + string.Join(", ", descriptor.Options.Select(o => $"'{o.Name}'"));
                    errors.Add($"{path}.{name}", $"The {descriptor.DisplayName} provider of account '{account.Name}' has no option '{name}'; {known}.");
                }
                else if (string.IsNullOrWhiteSpace(value) || value.Length > MaxValueLength || value.Contains('\0', StringComparison.Ordinal))
                {
                    errors.Add($"{path}.{name}", $"An option value must be 1 to {MaxValueLength} characters, without NUL.");
                }
                else if (option.AllowedValues is { } allowed)
                {
                    var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
                    if (match is null)
                    {
                        errors.Add($"{path}.{name}", $"'{value}' is not a value of '{name}': use {string.Join(", ", allowed)}.");
                    }
                    else
                    {
                        resolved[option.Name] = match;
                    }
                }
                else
                {
                    resolved[option.Name] = value;
                }
            }
        }

        // An option the item gave, or one it lacks, is the item's fault; one it inherited is the request's.
        string PathOf(string? name)
        {
            var inherited = name is not null && own?.ContainsKey(name) != true && shared?.ContainsKey(name) == true;
            var prefix = itemPath is null || inherited ? Field : $"{itemPath}.{Field}";
            return name is null ? prefix : $"{prefix}.{name}";
        }
    }
}

using System.Collections.Frozen;
using Rasan.Providers;

namespace Rasan.Dispatch;

/// <summary>The provider types registered in code, by their type name.</summary>
internal sealed class ProviderRegistry
{
    private readonly FrozenDictionary<string, IMessageProvider> _byType;

    public ProviderRegistry(IEnumerable<IMessageProvider> providers)
    {
        var byType = new Dictionary<string, IMessageProvider>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providers)
        {
            if (!byType.TryAdd(provider.Descriptor.Type, provider))
            {
                throw new InvalidOperationException(
                    $"Two Rasan providers are registered with the type name '{provider.Descriptor.Type}'; type names must be unique.");
            }
        }

        _byType = byType.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IMessageProvider? Find(string type) => _byType.GetValueOrDefault(type);
}

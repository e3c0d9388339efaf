using Microsoft.Extensions.Primitives;

namespace Rasan.Host;

/// <summary>
/// The <c>Rasan</c> section without the host's own sub-sections, so the engine's strict binding
/// (<c>ErrorOnUnknownConfiguration</c>) sees only its keys while paths in its errors stay <c>Rasan:...</c>.
/// </summary>
internal sealed class EngineConfigurationView(IConfigurationSection inner, IReadOnlySet<string> hostKeys) : IConfigurationSection
{
    public string Key => inner.Key;

    public string Path => inner.Path;

    public string? Value
    {
        get => inner.Value;
        set => inner.Value = value;
    }

    public string? this[string key]
    {
        get => inner[key];
        set => inner[key] = value;
    }

    public IEnumerable<IConfigurationSection> GetChildren() => inner.GetChildren().Where(c => !hostKeys.Contains(c.Key));

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    public IConfigurationSection GetSection(string key) => inner.GetSection(key);
}

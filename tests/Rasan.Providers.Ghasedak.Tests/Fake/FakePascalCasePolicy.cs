using System.Text.Json;

namespace Rasan.Providers.Ghasedak.Tests.Fake;

/// <summary>Writes dictionary keys in PascalCase, as one of Ghasedak's documentation examples prints them.</summary>
internal sealed class FakePascalCasePolicy : JsonNamingPolicy
{
    public override string ConvertName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? name : string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));
    }
}

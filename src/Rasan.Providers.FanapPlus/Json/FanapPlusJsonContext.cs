using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rasan.Providers.FanapPlus.Json;

/// <summary>Source-generated JSON for the FanapPlus request and answer; PascalCase names as declared, answers read case-insensitively.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(FanapPlusRequest))]
[JsonSerializable(typeof(FanapPlusReply))]
internal sealed partial class FanapPlusJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context requests are written with: Persian text as UTF-8 rather than <c>\uXXXX</c> escapes (a third of the
    /// size), and Base64's <c>+</c> as itself. The body goes to an API, never into HTML, so the relaxed escaping is safe.
    /// </summary>
    public static FanapPlusJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

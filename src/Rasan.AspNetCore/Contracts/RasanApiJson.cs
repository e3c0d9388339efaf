using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rasan.AspNetCore.Contracts;

/// <summary>
/// The JSON metadata the API writes with: <see cref="RasanApiJsonContext"/> with relaxed escaping, so "+98..." and
/// Persian text are written as they are rather than as \u escapes (the content type is always JSON, never HTML).
/// </summary>
internal static class RasanApiJson
{
    public static RasanApiJsonContext Context { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

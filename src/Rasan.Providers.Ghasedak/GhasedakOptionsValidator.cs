using Microsoft.Extensions.Options;

namespace Rasan.Providers.Ghasedak;

/// <summary>Checks each <see cref="GhasedakOptions"/> setting against its data annotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class GhasedakOptionsValidator : IValidateOptions<GhasedakOptions>
{
}

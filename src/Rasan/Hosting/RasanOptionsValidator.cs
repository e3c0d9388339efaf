using Microsoft.Extensions.Options;

namespace Rasan;

[OptionsValidator]
internal sealed partial class RasanOptionsValidator : IValidateOptions<RasanOptions>
{
}

using Microsoft.Extensions.Options;

namespace Rasan.AspNetCore;

[OptionsValidator]
internal sealed partial class RasanApiOptionsValidator : IValidateOptions<RasanApiOptions>
{
}

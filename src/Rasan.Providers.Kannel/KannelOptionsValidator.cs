using Microsoft.Extensions.Options;

namespace Rasan.Providers.Kannel;

[OptionsValidator]
internal sealed partial class KannelOptionsValidator : IValidateOptions<KannelOptions>
{
}

using Microsoft.Extensions.Options;

namespace Rasan.Development;

[OptionsValidator]
internal sealed partial class DevelopmentProviderOptionsValidator : IValidateOptions<DevelopmentProviderOptions>
{
}
